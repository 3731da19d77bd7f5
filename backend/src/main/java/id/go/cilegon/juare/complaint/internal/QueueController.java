package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.platform.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The work queues: the operators' intake and transfer queues, and each OPD's queue. Keyset-paginated. */
@Controller
class QueueController {

    /** An OPD's queue: what is at the OPD (the index complaint_opd_queue's predicate). */
    private static final String OPEN = Lifecycle.sqlIn("status", Lifecycle.AT_OPD);
    /** What falls due first: the reply clock while unanswered, then the fix clock (LEAST skips nulls); never null. */
    static final String DUE_FIRST = "COALESCE(LEAST(CASE WHEN first_reply_at IS NULL THEN reply_due_at END, fix_due_at), TIMESTAMPTZ '9999-12-31 00:00:00+00')";
    static final Instant NO_DUE_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final ComplaintRepository complaints;
    private final Clock clock;

    QueueController(ComplaintRepository complaints, Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    /**
     * The complaints behind a complaintCounts figure: the same filter through the same {@link ComplaintScope} (what
     * the caller may see, OPD staff their own OPD's), oldest filed first.
     */
    @QueryMapping
    Mono<Connection<Complaint>> complaints(@Argument ComplaintFilter filter, @Argument Integer first, @Argument String after) {
        return ComplaintScope.ofCaller(filter, clock.instant())
                .flatMap(scope -> page(scope.condition(), "created_at", Complaint::createdAt, first, after, scope.parameters()));
    }

    @QueryMapping
    Mono<Connection<Complaint>> intakeQueue(@Argument Integer first, @Argument String after) {
        return CurrentCaller.staffWithRole("OPERATOR", "MAYOR", "ADMIN")
                .flatMap(caller -> page(Lifecycle.sqlIn("status", Lifecycle.WAITING_FOR_OPERATOR), "created_at", Complaint::createdAt, first, after, Map.of()));
    }

    @QueryMapping
    Mono<Connection<Complaint>> transferQueue(@Argument Integer first, @Argument String after) {
        return CurrentCaller.staffWithRole("OPERATOR", "MAYOR", "ADMIN")
                .flatMap(caller -> page("transfer_requested_at IS NOT NULL AND " + OPEN, "transfer_requested_at",
                        Complaint::transferRequestedAt, first, after, Map.of()));
    }

    /** Auto-closed fixes waiting for an operator's check, oldest closure first (ADR 0021); never for OPD staff. */
    @QueryMapping
    Mono<Connection<Complaint>> verificationQueue(@Argument Integer first, @Argument String after) {
        return CurrentCaller.staffWithRole("OPERATOR", "MAYOR", "ADMIN")
                .flatMap(caller -> page("verification = 'QUEUED'", "closed_at", Complaint::closedAt, first, after, Map.of()));
    }

    @QueryMapping
    Mono<Connection<Complaint>> opdQueue(@Argument String opdCode, @Argument Integer first, @Argument String after) {
        return CurrentCaller.staff()
                .flatMap(caller -> page("opd_code = :opd AND " + OPEN, DUE_FIRST, QueueController::dueFirst, first, after,
                        Map.of("opd", queueOpd(caller, opdCode))));
    }

    /** OPD staff see their own OPD's queue; operators, the mayor and admins any OPD's. */
    private static String queueOpd(Caller caller, String requested) {
        if (caller.isOpdStaff()) {
            if (requested != null && !requested.equals(caller.opdCode())) {
                throw ApiException.forbidden();
            }
            return caller.opdCode();
        }
        if (!caller.seesAllComplaints()) {
            throw ApiException.forbidden();
        }
        if (requested == null) {
            throw ApiException.invalidInput("complaint.queue.opd-required");
        }
        return requested;
    }

    static Instant dueFirst(Complaint c) {
        Instant reply = c.firstReplyAt() == null ? c.replyDueAt() : null;
        if (reply == null) {
            return c.fixDueAt() == null ? NO_DUE_TIME : c.fixDueAt();
        }
        return c.fixDueAt() == null || reply.isBefore(c.fixDueAt()) ? reply : c.fixDueAt();
    }

    private Mono<Connection<Complaint>> page(String where, String sortKey, Function<Complaint, Instant> keyOf, Integer first,
                                             String after, Map<String, Object> binds) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > ComplaintController.MAX_PAGE) {
            return Mono.error(ApiException.invalidInput("input.first"));
        }
        Cursor position = after == null ? null : Cursor.decode(after);
        return complaints.queuePage(where, sortKey, position == null ? null : position.createdAt(),
                        position == null ? null : position.id(), size + 1, binds)
                .collectList()
                .map(rows -> connection(rows, size, keyOf, after != null));
    }

    private static Connection<Complaint> connection(List<Complaint> rows, int size, Function<Complaint, Instant> keyOf, boolean hasPrevious) {
        List<Complaint> shown = rows.size() > size ? rows.subList(0, size) : rows;
        List<Connection.Edge<Complaint>> edges = shown.stream()
                .map(c -> new Connection.Edge<>(new Cursor(keyOf.apply(c), c.id()).encode(), c))
                .toList();
        return new Connection<>(edges, new Connection.PageInfo(rows.size() > size, hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
