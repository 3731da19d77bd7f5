package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.complaint.Breaches;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.NewEvent;
import id.go.cilegon.juare.graphql.ReplyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A demo complaint as it goes through the lifecycle: each transition sets the columns and appends the event that
 * LifecycleService (and ComplaintService, the clock job) would, at a time in the past. The fields end as the
 * row to insert.
 */
final class DemoComplaint {

    private static final Set<ComplaintStatus> OPEN = EnumSet.of(ComplaintStatus.DISPATCHED, ComplaintStatus.IN_PROGRESS,
            ComplaintStatus.REOPENED);

    /** An event with the time it happened; {@code order} keeps a complaint's events in sequence on equal times. */
    record TimedEvent(Instant at, int order, NewEvent event) {
    }

    final UUID id;
    final String trackingNumber;
    final UUID residentId;
    final String clientRequestId;
    final String categoryCode;
    final String title;
    final String description;
    final double lat;
    final double lng;
    final String kecamatanCode;
    final String kelurahanCode;
    final String addressText;
    final boolean confidential;
    final Instant createdAt;
    /** Created order, to keep inserts (duplicate_of) and equal-time events stable. */
    final int sequence;

    ComplaintStatus status = ComplaintStatus.SUBMITTED;
    String opdCode;
    int version;
    Instant updatedAt;
    Instant dispatchedAt;
    Instant replyDueAt;
    Instant fixDueAt;
    Instant firstReplyAt;
    Instant resolvedAt;
    Instant closedAt;
    Instant replyOverdueAt;
    Instant fixOverdueAt;
    Instant transferRequestedAt;
    /** The current assignment's first transfer request and how many it made (not columns: what the lifecycle reads from its events). */
    private Instant firstTransferRequestAt;
    private int transferRequests;
    String transferReason;
    String rejectReason;
    UUID duplicateOf;
    Short rating;
    String residentComment;
    int reopenCount;
    boolean autoClosed;

    /** The clock job runs every minute: a breach is recorded this long after the due time. */
    private Duration replyMarkDelay = Duration.ZERO;
    private Duration fixMarkDelay = Duration.ZERO;
    private final List<TimedEvent> events = new ArrayList<>();

    DemoComplaint(UUID id, String trackingNumber, UUID residentId, String clientRequestId, String categoryCode, String title,
                  String description, double lat, double lng, String kecamatanCode, String kelurahanCode, String addressText,
                  boolean confidential, Instant createdAt, int sequence) {
        this.id = id;
        this.trackingNumber = trackingNumber;
        this.residentId = residentId;
        this.clientRequestId = clientRequestId;
        this.categoryCode = categoryCode;
        this.title = title;
        this.description = description;
        this.lat = lat;
        this.lng = lng;
        this.kecamatanCode = kecamatanCode;
        this.kelurahanCode = kelurahanCode;
        this.addressText = addressText;
        this.confidential = confidential;
        this.createdAt = createdAt;
        this.sequence = sequence;
        this.updatedAt = createdAt;
    }

    List<TimedEvent> events() {
        return List.copyOf(events);
    }

    Instant lastEventAt() {
        return events.isEmpty() ? createdAt : events.getLast().at();
    }

    boolean isOpen() {
        return OPEN.contains(status);
    }

    // ---------- the resident ----------

    void submitted() {
        record(createdAt, EventType.SUBMITTED, ActorType.RESIDENT, residentId, true, Map.of("trackingNumber", trackingNumber));
    }

    void confirmed(Instant at, int rating, String comment) {
        requireStatus(ComplaintStatus.RESOLVED);
        this.rating = (short) rating;
        this.residentComment = comment;
        close(at);
        record(at, EventType.CONFIRMED, ActorType.RESIDENT, residentId, true, payload("message", comment, "rating", rating));
    }

    void disputed(Instant at, String reason, Duration fixMarkDelay) {
        requireStatus(ComplaintStatus.RESOLVED);
        status = ComplaintStatus.REOPENED;
        // one deadline per assignment (ADR 0022): the fix clock it started with, and its breach mark, stay
        resolvedAt = null;
        reopenCount++;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, EventType.DISPUTED, ActorType.RESIDENT, residentId, true, payload("message", reason, "photos", 0));
    }

    // ---------- operators ----------

    void dispatched(Instant at, UUID operatorId, Opd opd, Category category, String note, Duration replyMarkDelay,
                    Duration fixMarkDelay) {
        requireStatus(ComplaintStatus.SUBMITTED);
        status = ComplaintStatus.DISPATCHED;
        opdCode = opd.code();
        dispatchedAt = at;
        replyDueAt = at.plus(Duration.ofHours(category.replyHours()));
        fixDueAt = at.plus(Duration.ofHours(category.fixHours()));
        replyOverdueAt = null;
        fixOverdueAt = null;
        this.replyMarkDelay = replyMarkDelay;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, EventType.DISPATCHED, ActorType.STAFF, operatorId, true,
                payload("message", "Diteruskan ke " + opd.name(), "opdCode", opd.code(), "note", note,
                        "replyDueAt", replyDueAt.toString(), "fixDueAt", fixDueAt.toString()));
    }

    /** As LifecycleService.reroute: a new OPD, both clocks again from now, no first reply yet. */
    void rerouted(Instant at, UUID operatorId, Opd opd, Category category, boolean misrouted, Duration replyMarkDelay,
                  Duration fixMarkDelay) {
        requireOpen();
        String from = opdCode;
        boolean excused = Breaches.excused(misrouted, firstTransferRequestAt == null ? at : firstTransferRequestAt, replyDueAt);
        status = ComplaintStatus.DISPATCHED;
        opdCode = opd.code();
        dispatchedAt = at;
        replyDueAt = at.plus(Duration.ofHours(category.replyHours()));
        fixDueAt = at.plus(Duration.ofHours(category.fixHours()));
        replyOverdueAt = null;
        fixOverdueAt = null;
        firstReplyAt = null;
        transferRequestedAt = null;
        transferReason = null;
        firstTransferRequestAt = null;
        transferRequests = 0;
        this.replyMarkDelay = replyMarkDelay;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, EventType.REROUTED, ActorType.STAFF, operatorId, true,
                payload("message", "Dialihkan ke " + opd.name(), "fromOpd", from, "toOpd", opd.code(), "misrouted", misrouted,
                        "excused", excused, "replyDueAt", replyDueAt.toString(), "fixDueAt", fixDueAt.toString()));
    }

    void rejected(Instant at, UUID operatorId, String reason, String message, String note) {
        requireStatus(ComplaintStatus.SUBMITTED);
        status = ComplaintStatus.REJECTED;
        rejectReason = reason;
        closedAt = at;
        changed(at);
        record(at, EventType.REJECTED, ActorType.STAFF, operatorId, true, payload("message", message, "reason", reason, "note", note));
    }

    void markedDuplicate(Instant at, UUID operatorId, DemoComplaint original) {
        requireStatus(ComplaintStatus.SUBMITTED);
        status = ComplaintStatus.REJECTED;
        rejectReason = "DUPLICATE";
        duplicateOf = original.id;
        closedAt = at;
        changed(at);
        record(at, EventType.MARKED_DUPLICATE, ActorType.STAFF, operatorId, true,
                payload("message", "Sama dengan pengaduan " + original.trackingNumber, "duplicateOf", original.trackingNumber));
    }

    void internalNote(Instant at, UUID staffId, String note) {
        // no column changes: neither updated_at nor the version move
        record(at, EventType.INTERNAL_NOTE, ActorType.STAFF, staffId, false, payload("note", note));
    }

    // ---------- the OPD ----------

    void replied(Instant at, UUID responderId, String message) {
        replied(at, responderId, message, false);
    }

    /** As LifecycleService.reply: a template (ADR 0018) reaches the resident but does not stop the reply clock. */
    void replied(Instant at, UUID responderId, String message, boolean template) {
        requireOpen();
        boolean first = firstReplyAt == null && !template;
        status = ComplaintStatus.IN_PROGRESS;
        if (first) {
            firstReplyAt = at;
        }
        changed(at);
        record(at, EventType.REPLIED, ActorType.STAFF, responderId, true, payload("message", message, "first", first,
                "template", template, "fingerprint", ReplyRule.fingerprint(message)));
    }

    /** As LifecycleService.declineTransfer: the request is answered, the complaint stays. */
    void transferDeclined(Instant at, UUID operatorId, String note) {
        requireOpen();
        transferRequestedAt = null;
        transferReason = null;
        changed(at);
        record(at, EventType.TRANSFER_DECLINED, ActorType.STAFF, operatorId, false, payload("note", note));
    }

    void transferRequested(Instant at, UUID responderId, String reason) {
        requireOpen();
        transferRequestedAt = at;
        transferReason = reason;
        if (firstTransferRequestAt == null) {
            firstTransferRequestAt = at;
        }
        transferRequests++;
        changed(at);
        record(at, EventType.TRANSFER_REQUESTED, ActorType.STAFF, responderId, false,
                payload("message", reason, "opdCode", opdCode, "attempt", transferRequests));
    }

    void resolved(Instant at, UUID responderId, String note) {
        resolved(at, responderId, note, false);
    }

    void resolved(Instant at, UUID responderId, String note, boolean template) {
        requireOpen();
        status = ComplaintStatus.RESOLVED;
        resolvedAt = at;
        transferRequestedAt = null;
        transferReason = null;
        if (firstReplyAt == null && !template) {
            // the resolution note answers the resident too
            firstReplyAt = at;
        }
        changed(at);
        // demo resolutions come without after-photos
        record(at, EventType.RESOLVED, ActorType.STAFF, responderId, true, payload("message", note, "afterPhotos", 0,
                "template", template, "fingerprint", ReplyRule.fingerprint(note)));
    }

    /** As the clock job's autoClose: a resolution the resident left unanswered closes by itself. */
    void autoClosed(Instant at) {
        requireStatus(ComplaintStatus.RESOLVED);
        autoClosed = true;
        close(at);
        record(at, EventType.AUTO_CLOSED, ActorType.SYSTEM, null, true,
                payload("message", "Ditutup otomatis: tidak ada tanggapan atas penyelesaian"));
    }

    /** The resolution's after-photos: the simulator's OPDs attach one, as the lifecycle requires. */
    void resolvedWithPhoto(Instant at, UUID responderId, String note) {
        resolvedWithPhoto(at, responderId, note, false);
    }

    /** As above; a template note (ADR 0018) does not count as the first answer. */
    void resolvedWithPhoto(Instant at, UUID responderId, String note, boolean template) {
        resolved(at, responderId, note, template);
        TimedEvent last = events.removeLast();
        Map<String, Object> payload = new LinkedHashMap<>(last.event().payload());
        payload.put("afterPhotos", 1);
        NewEvent e = last.event();
        events.add(new TimedEvent(last.at(), last.order(), new NewEvent(e.complaintId(), e.type(), e.actorType(), e.actorId(),
                e.status(), e.residentId(), e.opdCode(), e.kecamatanCode(), e.categoryCode(), e.visibleToResident(), payload)));
    }

    // ---------- the clock job ----------

    /** A reply or fix clock breach the clock job would record at that time, or null. */
    record Breach(EventType type, Instant at) {
    }

    /** The next breach recorded before {@code until}, given the state since the last change. */
    Breach nextBreachBefore(Instant until) {
        Breach reply = null;
        // a template reply leaves the reply clock running in IN_PROGRESS too
        if (firstReplyAt == null && replyOverdueAt == null && replyDueAt != null && isOpen()) {
            reply = new Breach(EventType.REPLY_OVERDUE, notBeforeLastEvent(replyDueAt).plus(replyMarkDelay));
        }
        Breach fix = null;
        if (fixOverdueAt == null && fixDueAt != null && isOpen()) {
            fix = new Breach(EventType.FIX_OVERDUE, notBeforeLastEvent(fixDueAt).plus(fixMarkDelay));
        }
        Breach first = reply == null ? fix : fix == null || reply.at().isBefore(fix.at()) ? reply : fix;
        return first != null && first.at().isBefore(until) ? first : null;
    }

    /**
     * A clock that ran out while it could not breach (resolved, then disputed) is marked at the job's next run after
     * it could again.
     */
    private Instant notBeforeLastEvent(Instant due) {
        return due.isBefore(lastEventAt()) ? lastEventAt() : due;
    }

    /** Records a breach as markOverdue does: the column, not the version, and a staff-only event. */
    void overdue(Breach breach) {
        boolean reply = breach.type() == EventType.REPLY_OVERDUE;
        Instant due = reply ? replyDueAt : fixDueAt;
        if (reply) {
            replyOverdueAt = breach.at();
        } else {
            fixOverdueAt = breach.at();
        }
        updatedAt = breach.at();
        record(breach.at(), breach.type(), ActorType.SYSTEM, null, false, payload("dueAt", due.toString(), "opdCode", opdCode));
    }

    // ---------- the machinery ----------

    private void close(Instant at) {
        status = ComplaintStatus.CLOSED;
        closedAt = at;
        changed(at);
    }

    /** A transition by a person: the row changes and its version moves on (optimistic lock). */
    private void changed(Instant at) {
        updatedAt = at;
        version++;
    }

    private void record(Instant at, EventType type, ActorType actorType, UUID actorId, boolean visibleToResident,
                        Map<String, Object> payload) {
        if (at.isBefore(lastEventAt())) {
            throw new IllegalStateException("demo history out of order for " + trackingNumber + ": " + type);
        }
        NewEvent event = new NewEvent(id, type, actorType, actorId, status.name(), residentId, opdCode, kecamatanCode,
                categoryCode, visibleToResident, payload);
        events.add(new TimedEvent(at, events.size(), event));
    }

    private void requireStatus(ComplaintStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("demo transition from " + status + " on " + trackingNumber);
        }
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("demo transition from " + status + " on " + trackingNumber);
        }
    }

    /** Pairs of key and value; null values are left out, as LifecycleService does. */
    private static Map<String, Object> payload(Object... pairs) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                payload.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return payload;
    }
}
