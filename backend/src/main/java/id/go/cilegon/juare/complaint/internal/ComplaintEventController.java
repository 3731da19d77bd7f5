package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.internal.ComplaintAccess.Holders;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.event.StoredEvent;
import id.go.cilegon.juare.event.SubscribedEvent;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.SharedSubscriptionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ComplaintEvent: the live events a caller may see, resumable with the last id seen.
 * <p>
 * Order matters (a client resumes after the last id it saw). Each event comes with its complaint already loaded
 * (in order, by concatMap), and graphql-java keeps events in order even when a selection needs queries
 * (KEEP_SUBSCRIPTION_EVENTS_ORDERED, platform OrderedSubscriptions). Every event states where its subscription
 * started ({@code subscribedAfter}); the guarantee is in docs/adr/0001.
 */
@Controller
class ComplaintEventController {

    private static final int REPLAY_BATCH = 500;

    private final EventStream stream;
    private final EventLog eventLog;
    private final EventComplaints complaints;

    ComplaintEventController(EventStream stream, EventLog eventLog, EventComplaints complaints) {
        this.stream = stream;
        this.eventLog = eventLog;
        this.complaints = complaints;
    }

    @SubscriptionMapping
    Flux<ComplaintEventView> myComplaintEvents(@Argument String after) {
        Long afterId = parseAfter(after);
        return CurrentCaller.residentId()
                .then(CurrentCaller.get())
                .flatMapMany(caller -> stream.resumable(afterId,
                                event -> event.visibleToResident() && ComplaintAccess.maySee(caller, Holders.of(event)),
                                from -> eventLog.residentEventsAfter(caller.id(), from))
                        .concatMap(event -> withComplaint(caller, event)));
    }

    @SubscriptionMapping
    Flux<ComplaintEventView> complaintEvents(@Argument EventFilter filter, @Argument String after) {
        Long afterId = parseAfter(after);
        EventFilter wanted = filter == null ? EventFilter.ANY : filter;
        return CurrentCaller.staff()
                .flatMapMany(caller -> {
                    // judged once per subscription (a subscription's caller keeps its roles): per event and subscriber
                    // this was three role lookups on 10,000 callers' sets, on the thread that hands an event to each
                    boolean seesAll = caller.seesAllComplaints();
                    Predicate<StoredEvent> visible = seesAll && wanted == EventFilter.ANY ? event -> true
                            : event -> (seesAll || staffMaySee(caller, event)) && wanted.matches(event);
                    return stream.resumable(afterId, visible, from -> everyEventAfter(from).filter(visible))
                            .concatMap(event -> withComplaint(caller, seesAll, event));
                });
    }

    /**
     * Where a subscriber that has seen nothing yet starts: subscribing with this as {@code after} misses nothing
     * that happens between this query and the subscription (every event up to this id is committed).
     */
    @QueryMapping
    Mono<String> latestComplaintEventId() {
        return CurrentCaller.staff()
                .then(eventLog.lastId())
                .map(id -> Long.toString(id));
    }

    /**
     * Operators, the mayor and admins see every event; OPD staff those of complaints while with their OPD: the rule of
     * complaint(id), applied to whom the complaint was with when the event happened, in memory.
     */
    private static boolean staffMaySee(Caller caller, StoredEvent event) {
        return ComplaintAccess.maySee(caller, Holders.of(event));
    }

    /** The log after an id, in batches, oldest first. */
    private Flux<StoredEvent> everyEventAfter(long after) {
        return eventLog.after(after, REPLAY_BATCH)
                .collectList()
                .expand(batch -> batch.size() < REPLAY_BATCH ? Mono.empty() : eventLog.after(batch.getLast().id(), REPLAY_BATCH).collectList())
                .flatMapIterable(batch -> batch);
    }

    /** GraphQL ComplaintEventFilter; an absent list lets everything through. */
    record EventFilter(List<String> opdCodes, List<String> kecamatanCodes, List<String> categoryCodes, List<String> types) {

        static final EventFilter ANY = new EventFilter(null, null, null, null);

        boolean matches(StoredEvent e) {
            return within(opdCodes, e.opdCode()) && within(kecamatanCodes, e.kecamatanCode())
                    && within(categoryCodes, e.categoryCode()) && within(types, e.type().name());
        }

        private static boolean within(List<String> allowed, String value) {
            return allowed == null || allowed.contains(value);
        }
    }

    private static Long parseAfter(String after) {
        if (after == null) {
            return null;
        }
        try {
            long id = Long.parseLong(after);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.invalidInput("event.after-format");
        }
    }

    /**
     * The complaint as it is now, if the caller may still see it: an OPD replaying the events of a complaint since
     * sent to another OPD gets the events (they were its own) but not the complaint.
     */
    private Mono<ComplaintEventView> withComplaint(Caller caller, SubscribedEvent delivered) {
        return withComplaint(caller, false, delivered);
    }

    /** @param seesAll the caller sees every complaint (judged once for its subscription) */
    private Mono<ComplaintEventView> withComplaint(Caller caller, boolean seesAll, SubscribedEvent delivered) {
        StoredEvent event = delivered.event();
        // read once per instance per event, shared by every subscriber (EventComplaints); judged here, in memory
        Complaint ready = complaints.ready(event);
        if (ready != null) {
            // a value the caller's concatMap takes as it is, without subscribing a Mono per subscriber per event
            return Mono.just(view(caller, seesAll, delivered, ready));
        }
        return complaints.of(event)
                .map(complaint -> view(caller, seesAll, delivered, complaint))
                // the complaint is written in the event's transaction, so this cannot happen; if it did, a silent
                // skip would be a missed event the client could never notice
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("event " + event.id() + " without its complaint")));
    }

    private static ComplaintEventView view(Caller caller, boolean seesAll, SubscribedEvent delivered, Complaint complaint) {
        return ComplaintEventView.of(delivered.event(), seesAll || ComplaintAccess.maySee(caller, complaint) ? complaint : null,
                delivered.subscribedAfter(), caller);
    }

    /**
     * GraphQL ComplaintEvent. Its selection is resolved and encoded once for every subscriber with the same
     * {@code shareKey} (ADR 0038); {@code subscribedAfter} is each subscriber's own.
     */
    record ComplaintEventView(String id, String type, String status, Instant at, String actor, String message, UUID complaintId,
                              String opdCode, String kecamatanCode, String categoryCode, Complaint complaint,
                              String subscribedAfter, EventShare shareKey) implements SharedSubscriptionEvent {

        static ComplaintEventView of(StoredEvent e, Complaint complaint, long subscribedAfter, Caller caller) {
            return new ComplaintEventView(Long.toString(e.id()), e.type().name(), e.status(), e.occurredAt(),
                    e.actorType().name(), e.message(), e.complaintId(), e.opdCode(), e.kecamatanCode(), e.categoryCode(), complaint,
                    Long.toString(subscribedAfter), EventShare.of(e, complaint, caller));
        }

        @Override
        public Map<String, Object> ownFields() {
            return Map.of("subscribedAfter", subscribedAfter);
        }
    }

    /**
     * What the fields below an event resolve from: the event, the complaint delivered with it (by identity: the one
     * instance EventComplaints shares, read after a known point) and what of the caller the resolvers below read. A
     * resident's own id (their complaints); a staff member's roles and OPD — the rule of ComplaintAccess, timelines
     * (entryView), possibleDuplicates (opdScope) and the other fields of Complaint read these, never a staff member's
     * id (FieldAccessMatrixTest asks every field as each kind of caller). Two subscribers with equal keys get the same.
     */
    record EventShare(long eventId, Complaint complaint, Caller.Kind kind, UUID residentId, Set<String> roles, String opdCode) {

        static EventShare of(StoredEvent event, Complaint complaint, Caller caller) {
            return new EventShare(event.id(), complaint, caller.kind(), caller.isResident() ? caller.id() : null,
                    caller.roles(), caller.opdCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EventShare s && eventId == s.eventId && complaint == s.complaint && kind == s.kind
                    && Objects.equals(residentId, s.residentId) && (roles == s.roles || roles.equals(s.roles))
                    && Objects.equals(opdCode, s.opdCode);
        }

        @Override
        public int hashCode() {
            // what tells the groups of one event apart too (SharedSubscriptionEvents keeps recent groups by hash)
            int hash = Long.hashCode(eventId) * 31 + System.identityHashCode(complaint);
            return (hash * 31 + kind.ordinal()) * 31 + Objects.hashCode(opdCode) + Objects.hashCode(residentId);
        }
    }
}
