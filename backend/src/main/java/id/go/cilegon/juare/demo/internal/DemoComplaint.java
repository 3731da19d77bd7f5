package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.complaint.Breaches;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.Transition;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventPayload;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.NewEvent;
import id.go.cilegon.juare.graphql.ReplyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A demo complaint as it goes through the lifecycle: each transition sets the columns and appends the event that
 * LifecycleService (and ComplaintService, the clock job) would, at a time in the past. Which transitions exist, from
 * which statuses, to which status and with which event is the {@link Transition} table's, as in LifecycleService; the
 * payloads are the same {@link EventPayload} records. The fields end as the row to insert.
 */
final class DemoComplaint {

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
    /** Requests of the current assignment an operator declined: the next one's attempt is one more. */
    private int declinedRequests;
    String transferReason;
    String rejectReason;
    UUID duplicateOf;
    Short rating;
    String residentComment;
    int reopenCount;
    boolean autoClosed;
    /** The operators' check of an auto-closed fix (ADR 0021): QUEUED, VERIFIED, REJECTED or null, and why it was queued. */
    String verification;
    String verificationReason;

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

    /** At an OPD: its clocks run (docs/lifecycle.md). */
    boolean isAtOpd() {
        return status.isAtOpd();
    }

    // ---------- the resident ----------

    void submitted() {
        record(createdAt, EventType.SUBMITTED, ActorType.RESIDENT, residentId, true, new EventPayload.Submitted(trackingNumber));
    }

    void confirmed(Instant at, int rating, String comment) {
        move(Transition.CONFIRM);
        this.rating = (short) rating;
        this.residentComment = comment;
        close(at);
        record(at, Transition.CONFIRM, ActorType.RESIDENT, residentId, true, new EventPayload.Confirmed(comment, rating));
    }

    void disputed(Instant at, String reason, Duration fixMarkDelay) {
        move(Transition.DISPUTE);
        // one deadline per assignment (ADR 0022): the fix clock it started with, and its breach mark, stay
        resolvedAt = null;
        reopenCount++;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, Transition.DISPUTE, ActorType.RESIDENT, residentId, true, new EventPayload.Disputed(reason, 0, null));
    }

    // ---------- operators ----------

    void dispatched(Instant at, UUID operatorId, Opd opd, Category category, String note, Duration replyMarkDelay,
                    Duration fixMarkDelay) {
        move(Transition.DISPATCH);
        opdCode = opd.code();
        dispatchedAt = at;
        replyDueAt = at.plus(Duration.ofHours(category.replyHours()));
        fixDueAt = at.plus(Duration.ofHours(category.fixHours()));
        replyOverdueAt = null;
        fixOverdueAt = null;
        this.replyMarkDelay = replyMarkDelay;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, Transition.DISPATCH, ActorType.STAFF, operatorId, true,
                new EventPayload.Dispatched("Diteruskan ke " + opd.name(), opd.code(), note, replyDueAt, fixDueAt));
    }

    /** As LifecycleService.reroute: a new OPD, both clocks again from now, no first reply yet. */
    void rerouted(Instant at, UUID operatorId, Opd opd, Category category, boolean misrouted, Duration replyMarkDelay,
                  Duration fixMarkDelay) {
        String from = opdCode;
        boolean excused = Breaches.excused(misrouted, firstTransferRequestAt == null ? at : firstTransferRequestAt, replyDueAt);
        move(Transition.REROUTE);
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
        declinedRequests = 0;
        this.replyMarkDelay = replyMarkDelay;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, Transition.REROUTE, ActorType.STAFF, operatorId, true,
                new EventPayload.Rerouted("Dialihkan ke " + opd.name(), from, opd.code(), misrouted, excused, null, replyDueAt, fixDueAt));
    }

    void rejected(Instant at, UUID operatorId, String reason, String message, String note) {
        move(Transition.REJECT);
        rejectReason = reason;
        closedAt = at;
        changed(at);
        record(at, Transition.REJECT, ActorType.STAFF, operatorId, true, new EventPayload.Rejected(message, reason, note));
    }

    void markedDuplicate(Instant at, UUID operatorId, DemoComplaint original) {
        move(Transition.MARK_DUPLICATE);
        rejectReason = "DUPLICATE";
        duplicateOf = original.id;
        closedAt = at;
        changed(at);
        record(at, Transition.MARK_DUPLICATE, ActorType.STAFF, operatorId, true,
                new EventPayload.MarkedDuplicate("Sama dengan pengaduan " + original.trackingNumber, original.trackingNumber, null));
    }

    void internalNote(Instant at, UUID staffId, String note) {
        // no column changes: neither updated_at nor the version move
        move(Transition.ADD_INTERNAL_NOTE);
        record(at, Transition.ADD_INTERNAL_NOTE, ActorType.STAFF, staffId, false, new EventPayload.InternalNote(note));
    }

    // ---------- the OPD ----------

    void replied(Instant at, UUID responderId, String message) {
        replied(at, responderId, message, false);
    }

    /** As LifecycleService.reply: a template (ADR 0018) reaches the resident but does not stop the reply clock. */
    void replied(Instant at, UUID responderId, String message, boolean template) {
        boolean first = firstReplyAt == null && !template;
        move(Transition.REPLY);
        if (first) {
            firstReplyAt = at;
        }
        changed(at);
        record(at, Transition.REPLY, ActorType.STAFF, responderId, true,
                new EventPayload.Replied(message, first, template, ReplyRule.fingerprint(message)));
    }

    /** As LifecycleService.declineTransfer: the request is answered, the complaint stays. */
    void transferDeclined(Instant at, UUID operatorId, String note) {
        move(Transition.DECLINE_TRANSFER);
        declinedRequests++;
        transferRequestedAt = null;
        transferReason = null;
        changed(at);
        record(at, Transition.DECLINE_TRANSFER, ActorType.STAFF, operatorId, false, new EventPayload.TransferDeclined(note));
    }

    void transferRequested(Instant at, UUID responderId, String reason) {
        move(Transition.REQUEST_TRANSFER);
        transferRequestedAt = at;
        transferReason = reason;
        if (firstTransferRequestAt == null) {
            firstTransferRequestAt = at;
        }
        changed(at);
        record(at, Transition.REQUEST_TRANSFER, ActorType.STAFF, responderId, false,
                new EventPayload.TransferRequested(reason, opdCode, declinedRequests + 1));
    }

    void resolved(Instant at, UUID responderId, String note) {
        resolved(at, responderId, note, false);
    }

    /** Demo resolutions come without after-photos (the simulator's with one: resolvedWithPhoto). */
    void resolved(Instant at, UUID responderId, String note, boolean template) {
        resolved(at, responderId, note, template, 0);
    }

    private void resolved(Instant at, UUID responderId, String note, boolean template, int afterPhotos) {
        move(Transition.RESOLVE);
        resolvedAt = at;
        transferRequestedAt = null;
        transferReason = null;
        if (firstReplyAt == null && !template) {
            // the resolution note answers the resident too
            firstReplyAt = at;
        }
        changed(at);
        record(at, Transition.RESOLVE, ActorType.STAFF, responderId, true,
                new EventPayload.Resolved(note, afterPhotos, template, ReplyRule.fingerprint(note)));
    }

    /** As the clock job's autoClose: a resolution the resident left unanswered closes by itself. */
    void autoClosed(Instant at) {
        autoClosed(at, null);
    }

    /** As above, queued for an operator's check with {@code reason} (SAME_PHOTO, SAMPLED), or not (null). */
    void autoClosed(Instant at, String reason) {
        move(Transition.AUTO_CLOSE);
        autoClosed = true;
        verification = reason == null ? null : "QUEUED";
        verificationReason = reason;
        close(at);
        record(at, Transition.AUTO_CLOSE, ActorType.SYSTEM, null, true,
                new EventPayload.AutoClosed("Ditutup otomatis: tidak ada tanggapan atas penyelesaian", verification, reason));
    }

    /** As LifecycleService.verifyFix: the operator checked the fix; it stays closed and counts fully. */
    void fixVerified(Instant at, UUID operatorId) {
        move(Transition.VERIFY_FIX);
        verification = "VERIFIED";
        changed(at);
        record(at, Transition.VERIFY_FIX, ActorType.STAFF, operatorId, true,
                new EventPayload.FixVerified("Perbaikan sudah diperiksa Command Center", null));
    }

    /** As LifecycleService.rejectFix: not really fixed; back to the OPD against its original deadline, as a dispute. */
    void fixRejected(Instant at, UUID operatorId, String reason, Duration fixMarkDelay) {
        move(Transition.REJECT_FIX);
        verification = "REJECTED";
        autoClosed = false;
        closedAt = null;
        resolvedAt = null;
        reopenCount++;
        this.fixMarkDelay = fixMarkDelay;
        changed(at);
        record(at, Transition.REJECT_FIX, ActorType.STAFF, operatorId, true, new EventPayload.FixRejected(reason, opdCode));
    }

    /** The resolution's after-photos: the simulator's OPDs attach one, as the lifecycle requires. */
    void resolvedWithPhoto(Instant at, UUID responderId, String note) {
        resolvedWithPhoto(at, responderId, note, false);
    }

    /** As above; a template note (ADR 0018) does not count as the first answer. */
    void resolvedWithPhoto(Instant at, UUID responderId, String note, boolean template) {
        resolved(at, responderId, note, template, 1);
    }

    // ---------- the clock job ----------

    /** A reply or fix clock breach the clock job would record at that time, or null. */
    record Breach(EventType type, Instant at) {
    }

    /** The next breach recorded before {@code until}, given the state since the last change. */
    Breach nextBreachBefore(Instant until) {
        Breach reply = null;
        // a template reply leaves the reply clock running in IN_PROGRESS too: the table's MARK_REPLY_OVERDUE is at an OPD
        if (firstReplyAt == null && replyOverdueAt == null && replyDueAt != null
                && Transition.MARK_REPLY_OVERDUE.allowedFrom(status)) {
            reply = new Breach(Transition.MARK_REPLY_OVERDUE.event(), notBeforeLastEvent(replyDueAt).plus(replyMarkDelay));
        }
        Breach fix = null;
        if (fixOverdueAt == null && fixDueAt != null && Transition.MARK_FIX_OVERDUE.allowedFrom(status)) {
            fix = new Breach(Transition.MARK_FIX_OVERDUE.event(), notBeforeLastEvent(fixDueAt).plus(fixMarkDelay));
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
        move(reply ? Transition.MARK_REPLY_OVERDUE : Transition.MARK_FIX_OVERDUE);
        Instant due = reply ? replyDueAt : fixDueAt;
        if (reply) {
            replyOverdueAt = breach.at();
        } else {
            fixOverdueAt = breach.at();
        }
        updatedAt = breach.at();
        record(breach.at(), breach.type(), ActorType.SYSTEM, null, false, EventPayload.overdue(breach.type(), due, opdCode));
    }

    // ---------- the machinery ----------

    private void close(Instant at) {
        closedAt = at;
        changed(at);
    }

    /** A transition by a person: the row changes and its version moves on (optimistic lock). */
    private void changed(Instant at) {
        updatedAt = at;
        version++;
    }

    private void record(Instant at, Transition transition, ActorType actorType, UUID actorId, boolean visibleToResident,
                        EventPayload payload) {
        record(at, transition.event(), actorType, actorId, visibleToResident, payload);
    }

    private void record(Instant at, EventType type, ActorType actorType, UUID actorId, boolean visibleToResident,
                        EventPayload payload) {
        if (payload.type() != type) {
            throw new IllegalStateException("a " + payload.type() + " payload on a " + type + " event");
        }
        if (at.isBefore(lastEventAt())) {
            throw new IllegalStateException("demo history out of order for " + trackingNumber + ": " + type);
        }
        NewEvent event = new NewEvent(id, type, actorType, actorId, status.name(), residentId, opdCode, kecamatanCode,
                categoryCode, visibleToResident, payload.toMap());
        events.add(new TimedEvent(at, events.size(), event));
    }

    /** The transition table's move: allowed from this status (or the demo is wrong), to the status it gives. */
    private void move(Transition transition) {
        if (!transition.allowedFrom(status)) {
            throw new IllegalStateException("demo " + transition + " from " + status + " on " + trackingNumber);
        }
        status = transition.after(status);
    }
}
