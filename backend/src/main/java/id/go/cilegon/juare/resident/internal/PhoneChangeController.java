package id.go.cilegon.juare.resident.internal;

import graphql.GraphQLContext;
import id.go.cilegon.juare.auth.AuthSession;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.photo.PhotoUrls;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ClientAddress;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Ids;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.PublicUrl;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.resident.Resident;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Changing a resident's WhatsApp number: the resident's two steps and the operators' queue and decisions. */
@Controller
class PhoneChangeController {

    private static final String CURSOR_PREFIX = "pc:";

    private final PhoneChangeService changes;
    private final PhotoUrls photoUrls;
    private final PublicUrl publicUrl;

    PhoneChangeController(PhoneChangeService changes, PhotoUrls photoUrls, PublicUrl publicUrl) {
        this.changes = changes;
        this.photoUrls = photoUrls;
        this.publicUrl = publicUrl;
    }

    @MutationMapping
    Mono<RequestPhoneChangePayload> requestPhoneChange(@Argument RequestPhoneChangeInput input, GraphQLContext context) {
        return Payloads.of(changes.request(input.nik(), input.newPhone(), Boolean.TRUE.equals(input.oldNumberLost()), ClientAddress.from(context)),
                challenge -> new RequestPhoneChangePayload(challenge, List.of()),
                errors -> new RequestPhoneChangePayload(null, errors));
    }

    @MutationMapping
    Mono<ConfirmPhoneChangePayload> confirmPhoneChange(@Argument ConfirmPhoneChangeInput input) {
        // a malformed challenge id answers as an unknown one (Ids)
        UUID id = Ids.parse(input.challengeId());
        Mono<ConfirmPhoneChangePayload> confirmed = changes.confirm(id, input.newCode(), input.oldCode(), input.ktpProof()).map(c -> new ConfirmPhoneChangePayload(
                        c.status(), c.signIn() == null ? null : c.signIn().session(), c.signIn() == null ? null : c.signIn().resident(),
                        c.ktpUpload(), List.of()));
        return Payloads.of(confirmed, p -> p, errors -> new ConfirmPhoneChangePayload(null, null, null, null, errors));
    }

    @QueryMapping
    Mono<Connection> phoneChangeQueue(@Argument Integer first, @Argument String after) {
        int size = first == null ? 20 : first;
        return CurrentCaller.staffWithRole("OPERATOR")
                .flatMap(caller -> {
                    if (size < 1 || size > 100) {
                        return Mono.error(ApiException.invalidInput("input.first"));
                    }
                    Position position = after == null ? null : Position.decode(after);
                    return changes.queue(position == null ? null : position.createdAt(), position == null ? null : position.id(), size + 1);
                })
                .map(rows -> Connection.of(rows, size, after != null));
    }

    @MutationMapping
    Mono<DecisionPayload> approvePhoneChange(@Argument ApprovePhoneChangeInput input) {
        return CurrentCaller.staffWithRole("OPERATOR")
                .flatMap(caller -> Payloads.of(withId(input.requestId()).flatMap(id -> changes.approve(caller, id)),
                        request -> new DecisionPayload(request, List.of()),
                        errors -> new DecisionPayload(null, errors)));
    }

    @MutationMapping
    Mono<DecisionPayload> rejectPhoneChange(@Argument RejectPhoneChangeInput input) {
        return CurrentCaller.staffWithRole("OPERATOR")
                .flatMap(caller -> Payloads.of(withId(input.requestId()).flatMap(id -> changes.reject(caller, id, input.reason())),
                        request -> new DecisionPayload(request, List.of()),
                        errors -> new DecisionPayload(null, errors)));
    }

    // signed like Photo.url (ADR 0032); the request itself is only reached by operators
    @SchemaMapping(typeName = "PhoneChangeRequest", field = "ktpPhotoUrl")
    String ktpPhotoUrl(PhoneChangeService.PendingRequest request, GraphQLContext context) {
        return request.ktpPhotoId() == null ? null : photoUrls.signed(publicUrl.from(context), request.ktpPhotoId(), false);
    }

    @SchemaMapping(typeName = "PhoneChangeRequest", field = "ktpThumbnailUrl")
    String ktpThumbnailUrl(PhoneChangeService.PendingRequest request, GraphQLContext context) {
        return request.ktpPhotoId() == null ? null : photoUrls.signed(publicUrl.from(context), request.ktpPhotoId(), true);
    }

    private static Mono<UUID> withId(String id) {
        UUID parsed = parseId(id);
        return parsed == null
                ? Mono.error(UserError.of(ErrorCode.NOT_FOUND, "resident.phone-change.not-found", "requestId").exception())
                : Mono.just(parsed);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    record RequestPhoneChangeInput(String nik, String newPhone, Boolean oldNumberLost) {
    }

    record RequestPhoneChangePayload(PhoneChangeService.Challenge challenge, List<UserError> errors) {
    }

    record ConfirmPhoneChangeInput(String challengeId, String newCode, String oldCode, String ktpProof) {
    }

    record ConfirmPhoneChangePayload(String status, AuthSession session, Resident resident, PhoneChangeService.KtpUpload ktpUpload,
                                     List<UserError> errors) {
    }

    record ApprovePhoneChangeInput(String requestId) {
    }

    record RejectPhoneChangeInput(String requestId, String reason) {
    }

    record DecisionPayload(PhoneChangeService.PendingRequest request, List<UserError> errors) {
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {

        static Connection of(List<PhoneChangeService.PendingRequest> rows, int size, boolean hasPrevious) {
            List<Edge> edges = rows.stream().limit(size)
                    .map(r -> new Edge(new Position(r.createdAt(), r.id()).encode(), r))
                    .toList();
            return new Connection(edges, new PageInfo(rows.size() > size, hasPrevious,
                    edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
        }
    }

    record Edge(String cursor, PhoneChangeService.PendingRequest node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** An opaque keyset position (created_at, id), to the microsecond as PostgreSQL keeps it. */
    record Position(Instant createdAt, UUID id) {

        String encode() {
            long micros = createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1_000;
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((CURSOR_PREFIX + micros + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!raw.startsWith(CURSOR_PREFIX)) {
                    throw new IllegalArgumentException();
                }
                String[] parts = raw.substring(CURSOR_PREFIX.length()).split(":", 2);
                long micros = Long.parseLong(parts[0]);
                return new Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                        UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ApiException.invalidInput("input.cursor");
            }
        }
    }
}
