package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.Breaches;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.Transition;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventPayload;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.NewEvent;
import id.go.cilegon.juare.graphql.ReplyRule;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoOwner;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Ids;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Every transition of the lifecycle (docs/lifecycle.md): allowed only from the statuses and for the roles of its
 * {@link Transition} row, to the status that row gives;
 * one transaction that updates the complaint under an optimistic lock (version), appends exactly one event,
 * and queues the WhatsApp messages it causes.
 */
@Service
class LifecycleService {

    static final int MIN_MESSAGE = 10;
    static final int MAX_TEXT = 2000;
    /** A reply needs this many letters or digits: "ok", "siap" or "........" do not stop the reply clock (ADR 0007). */
    static final int DEFAULT_MIN_REPLY_CHARACTERS = ReplyRule.DEFAULT_MIN_CHARACTERS;
    /** How far back an OPD's replies to other complaints make the same text a template (ADR 0018). */
    static final int DEFAULT_TEMPLATE_WINDOW_DAYS = 30;

    private final ComplaintRepository complaints;
    private final AgencyCatalog catalog;
    private final EventLog eventLog;
    private final PhotoService photos;
    private final ComplaintNotifier notifier;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final int minReplyCharacters;
    private final Duration templateWindow;
    private final VerificationProperties verification;
    // which auto-closures are sampled must not be predictable by an OPD
    private final RandomGenerator sampler = new SecureRandom();

    LifecycleService(ComplaintRepository complaints, AgencyCatalog catalog, EventLog eventLog, PhotoService photos,
                     ComplaintNotifier notifier, TransactionalOperator tx, Clock clock, VerificationProperties verification,
                     @Value("${juare.lifecycle.min-reply-characters:" + DEFAULT_MIN_REPLY_CHARACTERS + "}") int minReplyCharacters,
                     @Value("${juare.lifecycle.template-window-days:" + DEFAULT_TEMPLATE_WINDOW_DAYS + "}") int templateWindowDays) {
        this.verification = verification;
        this.minReplyCharacters = minReplyCharacters;
        this.templateWindow = Duration.ofDays(templateWindowDays);
        this.complaints = complaints;
        this.catalog = catalog;
        this.eventLog = eventLog;
        this.photos = photos;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What a transition does: the columns it changes, the event it appends, and what else happens in the same
     * transaction; {@code guard} is an extra condition the row must still meet when it is updated.
     */
    record Step(ComplaintUpdate update, EventType type, boolean visibleToResident, Map<String, Object> payload,
                StepEffect alsoInTransaction, String guard) {

        Step {
            payload = payload == null ? Map.of() : payload;
            alsoInTransaction = alsoInTransaction == null ? StepEffect.NONE : alsoInTransaction;
        }

        Step(ComplaintUpdate update, EventType type, boolean visibleToResident, Map<String, Object> payload, StepEffect alsoInTransaction) {
            this(update, type, visibleToResident, payload, alsoInTransaction, null);
        }
    }

    /** Work that belongs to the transition's transaction: attaching photos, queueing messages. */
    interface StepEffect {
        StepEffect NONE = (before, after) -> Mono.empty();

        Mono<Void> apply(Complaint before, Complaint after);
    }

    // ---------- operators ----------

    Mono<Complaint> dispatch(Caller caller, UUID id, String opdCode, String note, Integer expectedVersion) {
        return requireRole(caller, Transition.DISPATCH)
                .then(activeOpd(opdCode, "opdCode"))
                .flatMap(opd -> act(caller, id, expectedVersion, complaint -> dispatchStep(complaint, opd, note)));
    }

    private Mono<Step> dispatchStep(Complaint complaint, Opd opd, String note) {
        return requireStatus(complaint, Transition.DISPATCH)
                .then(catalog.category(complaint.categoryCode()))
                .map(category -> {
                    Instant at = now();
                    return new Step(startClocks(ComplaintUpdate.create(), category, at)
                            .set("status", statusAfter(Transition.DISPATCH))
                            .set("opd_code", opd.code()),
                            Transition.DISPATCH.event(), true,
                            new EventPayload.Dispatched("Diteruskan ke " + opd.name(), opd.code(), clean(note),
                                    replyDue(category, at), fixDue(category, at)).toMap(),
                            (before, after) -> notifier.dispatched(after, opd));
                });
    }

    Mono<Complaint> reject(Caller caller, UUID id, String reason, String note, Integer expectedVersion) {
        return requireRole(caller, Transition.REJECT)
                .then(act(caller, id, expectedVersion, complaint -> requireStatus(complaint, Transition.REJECT)
                        .thenReturn(new Step(ComplaintUpdate.create()
                                .set("status", statusAfter(Transition.REJECT))
                                .set("reject_reason", reason)
                                .set("closed_at", now()),
                                Transition.REJECT.event(), true,
                                new EventPayload.Rejected(ComplaintTexts.rejectReason(reason), reason, clean(note)).toMap(),
                                (before, after) -> notifier.rejected(after, reason, clean(note))))));
    }

    Mono<Complaint> markDuplicate(Caller caller, UUID id, UUID duplicateOf, String note, Integer expectedVersion) {
        return requireRole(caller, Transition.MARK_DUPLICATE)
                .then(id.equals(duplicateOf)
                        ? Mono.error(invalid(ErrorCode.INVALID_INPUT, "complaint.duplicate-of-itself", "duplicateOfId"))
                        : Mono.empty())
                .then(complaints.findById(duplicateOf))
                .switchIfEmpty(Mono.error(() -> invalid(ErrorCode.NOT_FOUND, "complaint.duplicate-original-not-found", "duplicateOfId")))
                .flatMap(original -> act(caller, id, expectedVersion, complaint -> requireStatus(complaint, Transition.MARK_DUPLICATE)
                        .thenReturn(new Step(ComplaintUpdate.create()
                                .set("status", statusAfter(Transition.MARK_DUPLICATE))
                                .set("reject_reason", "DUPLICATE")
                                .set("duplicate_of", original.id())
                                .set("closed_at", now()),
                                Transition.MARK_DUPLICATE.event(), true,
                                new EventPayload.MarkedDuplicate("Sama dengan pengaduan " + original.trackingNumber(),
                                        original.trackingNumber(), clean(note)).toMap(),
                                (before, after) -> notifier.rejected(after, "DUPLICATE", "Sama dengan pengaduan " + original.trackingNumber())))));
    }

    Mono<Complaint> reroute(Caller caller, UUID id, String opdCode, boolean misrouted, String note, Integer expectedVersion) {
        return requireRole(caller, Transition.REROUTE)
                // "misrouted" takes the first OPD's time off its record: the operator says why (ADR 0022)
                .then(misrouted ? requireText(note, MIN_MESSAGE, "note") : Mono.empty())
                .then(activeOpd(opdCode, "opdCode"))
                .flatMap(opd -> act(caller, id, expectedVersion, complaint -> rerouteStep(complaint, opd, misrouted, note)));
    }

    private Mono<Step> rerouteStep(Complaint complaint, Opd opd, boolean misrouted, String note) {
        if (opd.code().equals(complaint.opdCode())) {
            return Mono.error(invalid(ErrorCode.INVALID_INPUT, "complaint.reroute-same-opd", "opdCode"));
        }
        // a new OPD owes a first reply of its own: both clocks start again
        return requireStatus(complaint, Transition.REROUTE)
                .then(catalog.category(complaint.categoryCode()))
                .zipWith(handedBackAt(complaint))
                .map(t -> rerouted(complaint, opd, t.getT1(), misrouted, Breaches.excused(misrouted, t.getT2(), complaint.replyDueAt()), note, now()));
    }

    /**
     * When the OPD handed the complaint back: its first transfer request of this assignment, else now (the operator
     * took it away before the OPD asked).
     */
    private Mono<Instant> handedBackAt(Complaint complaint) {
        return complaints.transferRequests(complaint.id(), complaint.dispatchedAt())
                .next()
                .map(ComplaintRepository.TransferRequest::at)
                .defaultIfEmpty(now());
    }

    private Step rerouted(Complaint complaint, Opd opd, Category category, boolean misrouted, boolean excused, String note, Instant at) {
        return new Step(startClocks(ComplaintUpdate.create(), category, at)
                        .set("status", statusAfter(Transition.REROUTE))
                        .set("opd_code", opd.code())
                        .clear("first_reply_at", Instant.class)
                        .clear("transfer_requested_at", Instant.class)
                        .clear("transfer_reason", String.class),
                        Transition.REROUTE.event(), true,
                        new EventPayload.Rerouted("Dialihkan ke " + opd.name(), complaint.opdCode(), opd.code(), misrouted, excused,
                                clean(note), replyDue(category, at), fixDue(category, at)).toMap(),
                        (before, after) -> notifier.dispatched(after, opd));
    }

    Mono<Complaint> declineTransfer(Caller caller, UUID id, String note, Integer expectedVersion) {
        return requireRole(caller, Transition.DECLINE_TRANSFER)
                .then(requireText(note, 3, "note"))
                .then(act(caller, id, expectedVersion, complaint -> complaint.transferRequestedAt() == null
                                || !Transition.DECLINE_TRANSFER.allowedFrom(complaint.status())
                        ? Mono.error(invalidTransition(complaint))
                        : Mono.just(new Step(ComplaintUpdate.create()
                                .clear("transfer_requested_at", Instant.class)
                                .clear("transfer_reason", String.class),
                                Transition.DECLINE_TRANSFER.event(), false, new EventPayload.TransferDeclined(clean(note)).toMap(), null))));
    }

    // ---------- OPD ----------

    Mono<Complaint> reply(Caller caller, UUID id, String message, Integer expectedVersion) {
        return requireRole(caller, Transition.REPLY)
                .then(requireText(message, MIN_MESSAGE, "message"))
                .then(requireRealAnswer(message, "message"))
                .then(act(caller, id, expectedVersion, complaint -> requireOwnOpd(caller, complaint)
                        .then(requireStatus(complaint, Transition.REPLY))
                        .then(template(complaint, message))
                        .map(template -> replyStep(complaint, message.strip(), template))));
    }

    private Step replyStep(Complaint complaint, String message, boolean template) {
        ComplaintUpdate update = ComplaintUpdate.create().set("status", statusAfter(Transition.REPLY));
        boolean unanswered = complaint.firstReplyAt() == null;
        // a template still reaches the resident, but only a real reply stops the reply clock (ADR 0018)
        if (unanswered && !template) {
            update.set("first_reply_at", now());
        }
        return new Step(update, Transition.REPLY.event(), true,
                new EventPayload.Replied(message, unanswered && !template, template, ReplyRule.fingerprint(message)).toMap(),
                unanswered ? (before, after) -> notifier.firstReply(after, message) : null);
    }

    /**
     * A template (ADR 0018): mostly one repeated token or short pattern, or the same text (ReplyRule's fingerprint) as
     * a reply or resolution note the OPD sent to another complaint within the window.
     */
    private Mono<Boolean> template(Complaint complaint, String text) {
        if (ReplyRule.repetitive(text, minReplyCharacters)) {
            return Mono.just(true);
        }
        return complaints.repliedElsewhere(complaint.opdCode(), complaint.id(), ReplyRule.fingerprint(text), now().minus(templateWindow));
    }

    Mono<Complaint> requestTransfer(Caller caller, UUID id, String reason, Integer expectedVersion) {
        return requireRole(caller, Transition.REQUEST_TRANSFER)
                .then(requireText(reason, MIN_MESSAGE, "reason"))
                .then(act(caller, id, expectedVersion, complaint -> requireOwnOpd(caller, complaint)
                        .then(requireStatus(complaint, Transition.REQUEST_TRANSFER))
                        .then(complaint.transferRequestedAt() != null ? Mono.error(invalidTransition(complaint)) : Mono.empty())
                        .then(complaints.transferRequests(complaint.id(), complaint.dispatchedAt()).collectList())
                        .flatMap(earlier -> transferRequestStep(complaint, reason.strip(), earlier))));
    }

    /**
     * A request after a decline must give a new reason (the same text as a declined request of the assignment,
     * normalised as ReplyRule does, is refused), and the event says how many declined requests came before it
     * ({@code attempt} = 1 + those): the scorecard counts requests repeated after a decline (ADR 0022). A request that
     * a resolution ended was not declined and does not count.
     */
    private Mono<Step> transferRequestStep(Complaint complaint, String reason, List<ComplaintRepository.TransferRequest> earlier) {
        String fingerprint = ReplyRule.fingerprint(reason);
        List<ComplaintRepository.TransferRequest> declined = earlier.stream().filter(ComplaintRepository.TransferRequest::declined).toList();
        if (declined.stream().anyMatch(r -> r.reason() != null && ReplyRule.fingerprint(r.reason()).equals(fingerprint))) {
            return Mono.error(invalid(ErrorCode.TRANSFER_REASON_REPEATED,
                    "complaint.transfer-reason-repeated",
                    "reason"));
        }
        return Mono.just(new Step(ComplaintUpdate.create()
                .set("transfer_requested_at", now())
                .set("transfer_reason", reason),
                Transition.REQUEST_TRANSFER.event(), false,
                new EventPayload.TransferRequested(reason, complaint.opdCode(), declined.size() + 1).toMap(), null));
    }

    Mono<Complaint> resolve(Caller caller, UUID id, String note, List<String> afterPhotoIds, Integer expectedVersion) {
        return requireRole(caller, Transition.RESOLVE)
                .then(Mono.fromCallable(() -> ids(afterPhotoIds, "afterPhotoIds")))
                .flatMap(photoIds -> photoIds.isEmpty() || photoIds.size() > 5
                        ? Mono.error(invalid(ErrorCode.AFTER_PHOTO_REQUIRED,
                                "complaint.after-photos", "afterPhotoIds"))
                        : resolveChecked(caller, id, note, photoIds, expectedVersion));
    }

    private Mono<Complaint> resolveChecked(Caller caller, UUID id, String note, Set<UUID> photoIds, Integer expectedVersion) {
        return requireText(note, MIN_MESSAGE, "note")
                // the note may be the first answer the resident gets, so it must be a real one too
                .then(requireRealAnswer(note, "note"))
                .then(act(caller, id, expectedVersion, complaint -> requireOwnOpd(caller, complaint)
                        .then(requireStatus(complaint, Transition.RESOLVE))
                        .then(template(complaint, note))
                        .map(template -> resolveStep(caller, complaint, note.strip(), photoIds, template))));
    }

    private Step resolveStep(Caller caller, Complaint complaint, String note, Set<UUID> photoIds, boolean template) {
        ComplaintUpdate update = ComplaintUpdate.create()
                .set("status", statusAfter(Transition.RESOLVE))
                .set("resolved_at", now())
                .clear("transfer_requested_at", Instant.class)
                .clear("transfer_reason", String.class);
        if (complaint.firstReplyAt() == null && !template) {
            // the resolution note is a real message to the resident: it answers too
            update.set("first_reply_at", now());
        }
        return new Step(update, Transition.RESOLVE.event(), true,
                new EventPayload.Resolved(note, photoIds.size(), template, ReplyRule.fingerprint(note)).toMap(),
                (before, after) -> photos.attach(photoIds, PhotoOwner.staffMember(caller.id()), after.id(), Photo.AFTER)
                        .then(notifier.resolved(after, note)));
    }

    // ---------- staff, any ----------

    Mono<Complaint> addInternalNote(Caller caller, UUID id, String note) {
        return requireRole(caller, Transition.ADD_INTERNAL_NOTE)
                .then(requireText(note, 3, "note"))
                .then(act(caller, id, null, complaint -> requireVisible(caller, complaint)
                        .then(requireStatus(complaint, Transition.ADD_INTERNAL_NOTE))
                        .thenReturn(new Step(ComplaintUpdate.create(), Transition.ADD_INTERNAL_NOTE.event(), false,
                                new EventPayload.InternalNote(note.strip()).toMap(), null))));
    }

    // ---------- residents ----------

    Mono<Complaint> confirmResolution(Caller caller, UUID id, int rating, String comment) {
        return requireRole(caller, Transition.CONFIRM)
                .then(rating < 1 || rating > 5
                        ? Mono.error(invalid(ErrorCode.INVALID_RATING, "complaint.rating-range", "rating"))
                        : Mono.empty())
                .then(comment != null && comment.length() > MAX_TEXT
                        ? Mono.error(invalid(ErrorCode.INVALID_INPUT, "complaint.comment-length", "comment"))
                        : Mono.empty())
                .then(act(caller, id, null, complaint -> requireOwner(caller, complaint)
                        .then(requireStatus(complaint, Transition.CONFIRM))
                        .thenReturn(closeStep(rated(rating, clean(comment)), Transition.CONFIRM,
                                new EventPayload.Confirmed(clean(comment), rating).toMap()))));
    }

    Mono<Complaint> disputeResolution(Caller caller, UUID id, String reason, List<String> photoIdsInput) {
        return requireRole(caller, Transition.DISPUTE)
                .then(Mono.fromCallable(() -> ids(photoIdsInput, "photoIds")))
                .flatMap(photoIds -> photoIds.size() > 5
                        ? Mono.error(invalid(ErrorCode.TOO_MANY_PHOTOS, "complaint.too-many-photos", "photoIds"))
                        : disputeChecked(caller, id, reason, photoIds));
    }

    private Mono<Complaint> disputeChecked(Caller caller, UUID id, String reason, Set<UUID> photoIds) {
        return requireText(reason, MIN_MESSAGE, "reason")
                .then(act(caller, id, null, complaint -> requireOwner(caller, complaint)
                        .then(requireStatus(complaint, Transition.DISPUTE))
                        .thenReturn(disputeStep(caller, reason, photoIds))));
    }

    private Step disputeStep(Caller caller, String reason, Set<UUID> photoIds) {
        // one deadline per assignment (ADR 0022): the dispute re-opens the same assignment against the fix deadline it
        // started with, so the OPD queue, the counters, "overdue now" and the ranking all judge it by that one
        return new Step(ComplaintUpdate.create()
                                .set("status", statusAfter(Transition.DISPUTE))
                                .clear("resolved_at", Instant.class)
                                .expression("reopen_count", "reopen_count + 1"),
                                Transition.DISPUTE.event(), true,
                                new EventPayload.Disputed(reason.strip(), photoIds.size(), null).toMap(),
                                (before, after) -> photos.attach(photoIds, PhotoOwner.resident(caller.id()), after.id(), Photo.DISPUTE)
                                        .then(notifier.reopened(after, reason.strip())));
    }

    private static ComplaintUpdate rated(int rating, String comment) {
        ComplaintUpdate update = ComplaintUpdate.create().set("rating", (short) rating);
        return comment == null ? update : update.set("resident_comment", comment);
    }

    private Step closeStep(ComplaintUpdate update, Transition close, Map<String, Object> payload) {
        return new Step(update
                .set("status", statusAfter(close))
                .set("closed_at", now()),
                close.event(), true, payload, (before, after) -> notifier.closed(after));
    }

    // ---------- the system ----------

    /**
     * Closes a resolution the resident left unanswered; empty if it changed meanwhile. In the same transaction it
     * decides whether an operator must check the fix (ADR 0021): always when an after-photo looks like a before-photo,
     * else a random share; the decision is on the complaint (verification) and in the event's payload.
     */
    Mono<Complaint> autoClose(Complaint complaint) {
        return photos.afterLooksLikeBefore(complaint.id(), verification.maxDistance())
                .map(samePhoto -> Optional.ofNullable(FixVerification.decide(samePhoto, sampler.nextDouble(), verification.sampleShare())))
                .flatMap(reason -> apply(complaint, autoCloseStep(reason.orElse(null)), ActorType.SYSTEM, null, true))
                .as(tx::transactional)
                .onErrorResume(LifecycleService::isConflict, conflict -> Mono.empty());
    }

    private Step autoCloseStep(FixVerification.Reason reason) {
        ComplaintUpdate update = ComplaintUpdate.create().set("auto_closed", true);
        if (reason != null) {
            update.set("verification", FixVerification.Status.QUEUED.name()).set("verification_reason", reason.name());
        } else {
            // a closure after a rejected fix that is not queued again waits for nobody
            update.clear("verification", String.class).clear("verification_reason", String.class);
        }
        Step close = closeStep(update, Transition.AUTO_CLOSE, new EventPayload.AutoClosed(
                "Ditutup otomatis: tidak ada tanggapan atas penyelesaian",
                reason == null ? null : FixVerification.Status.QUEUED.name(), reason == null ? null : reason.name()).toMap());
        return new Step(close.update(), close.type(), true, close.payload(), close.alsoInTransaction(),
                ComplaintStatus.sqlIn("status", Transition.AUTO_CLOSE.from()));
    }

    // ---------- operators: verified fixes (ADR 0021) ----------

    /** The fix that closed by itself is really done: FIX_VERIFIED, the complaint stays CLOSED and counts fully. */
    Mono<Complaint> verifyFix(Caller caller, UUID id, String note, Integer expectedVersion) {
        return requireRole(caller, Transition.VERIFY_FIX)
                .then(note != null && note.length() > MAX_TEXT
                        ? Mono.error(invalid(ErrorCode.INVALID_INPUT, "complaint.text-too-long", "note"))
                        : Mono.empty())
                .then(act(caller, id, expectedVersion, complaint -> requireStatus(complaint, Transition.VERIFY_FIX)
                        .then(requireQueued(complaint))
                        .thenReturn(new Step(ComplaintUpdate.create().set("verification", FixVerification.Status.VERIFIED.name()),
                                Transition.VERIFY_FIX.event(), true,
                                new EventPayload.FixVerified("Perbaikan sudah diperiksa Command Center",
                                        clean(note)).toMap(),
                                null, VERIFICATION_QUEUED))));
    }

    /**
     * The fix that closed by itself is not done: FIX_REJECTED, REOPENED with the assignment's original fix deadline
     * (one deadline per assignment), counted as a dispute; the OPD sees it in its queue and live, as a resident's dispute.
     */
    Mono<Complaint> rejectFix(Caller caller, UUID id, String reason, Integer expectedVersion) {
        return requireRole(caller, Transition.REJECT_FIX)
                .then(requireText(reason, MIN_MESSAGE, "reason"))
                .then(act(caller, id, expectedVersion, complaint -> requireStatus(complaint, Transition.REJECT_FIX)
                        .then(requireQueued(complaint))
                        .thenReturn(new Step(ComplaintUpdate.create()
                                .set("status", statusAfter(Transition.REJECT_FIX))
                                .set("verification", FixVerification.Status.REJECTED.name())
                                .set("auto_closed", false)
                                .clear("closed_at", Instant.class)
                                .clear("resolved_at", Instant.class)
                                .expression("reopen_count", "reopen_count + 1"),
                                Transition.REJECT_FIX.event(), true,
                                new EventPayload.FixRejected(reason.strip(), complaint.opdCode()).toMap(),
                                (before, after) -> notifier.reopened(after, reason.strip()), VERIFICATION_QUEUED))));
    }

    private static final String VERIFICATION_QUEUED = "verification = 'QUEUED'";

    private Mono<Void> requireQueued(Complaint complaint) {
        return complaints.verificationOf(complaint.id())
                .filter(FixVerification.Status.QUEUED.name()::equals)
                .switchIfEmpty(Mono.error(() -> invalid(ErrorCode.INVALID_TRANSITION,
                        "complaint.not-awaiting-verification", "complaintId")))
                .then();
    }

    /** Marks a breached clock once and appends REPLY_OVERDUE or FIX_OVERDUE; empty if it changed meanwhile. */
    Mono<Complaint> markOverdue(Complaint complaint, EventType breach) {
        String column = breach == EventType.REPLY_OVERDUE ? "reply_overdue_at" : "fix_overdue_at";
        Instant due = breach == EventType.REPLY_OVERDUE ? complaint.replyDueAt() : complaint.fixDueAt();
        // the guard makes the breach event exactly-once even when two instances race for the same complaint
        Step step = new Step(ComplaintUpdate.create().set(column, now()), breach, false,
                EventPayload.overdue(breach, due, complaint.opdCode()).toMap(),
                (before, after) -> notifier.escalate(after, breach), column + " IS NULL");
        return apply(complaint, step, ActorType.SYSTEM, null, false)
                .onErrorResume(LifecycleService::isConflict, conflict -> Mono.empty());
    }

    // ---------- the machinery ----------

    private Mono<Complaint> act(Caller caller, UUID id, Integer expectedVersion, java.util.function.Function<Complaint, Mono<Step>> plan) {
        return complaints.findById(id)
                .switchIfEmpty(Mono.error(() -> invalid(ErrorCode.NOT_FOUND, "complaint.not-found", "complaintId")))
                .flatMap(complaint -> expectedVersion != null && expectedVersion != complaint.version()
                        ? Mono.error(conflict())
                        : plan.apply(complaint).flatMap(step -> apply(complaint, step, actorType(caller), caller.id(), true)));
    }

    private Mono<Complaint> apply(Complaint before, Step step, ActorType actor, UUID actorId, boolean bumpVersion) {
        Mono<Complaint> updated = step.update().isEmpty()
                ? Mono.just(before)
                : complaints.update(before.id(), before.version(), step.update(), now(), bumpVersion, step.guard())
                        .switchIfEmpty(Mono.error(() -> conflict()));
        return updated
                .flatMap(after -> step.alsoInTransaction().apply(before, after).thenReturn(after))
                .flatMap(after -> eventLog.append(event(after, step, actor, actorId)).thenReturn(after))
                .as(tx::transactional);
    }

    private static NewEvent event(Complaint after, Step step, ActorType actor, UUID actorId) {
        return new NewEvent(after.id(), step.type(), actor, actorId, after.status().name(), after.residentId(), after.opdCode(),
                after.kecamatanCode(), after.categoryCode(), step.visibleToResident(), step.payload());
    }

    /**
     * The clocks this dispatch starts, in its event: the ranking measures against them, so that a later change of the
     * category's hours does not rewrite past figures.
     */
    private static Instant replyDue(Category category, Instant now) {
        return now.plus(Duration.ofHours(category.replyHours()));
    }

    private static Instant fixDue(Category category, Instant now) {
        return now.plus(Duration.ofHours(category.fixHours()));
    }

    private Mono<Void> requireRealAnswer(String text, String field) {
        if (ReplyRule.tooShort(text, minReplyCharacters)) {
            return Mono.error(invalid(ErrorCode.MESSAGE_TOO_SHORT, "complaint.answer-too-short", field, minReplyCharacters));
        }
        return Mono.empty();
    }

    private static ComplaintUpdate startClocks(ComplaintUpdate update, Category category, Instant now) {
        return update
                .set("dispatched_at", now)
                .set("reply_due_at", replyDue(category, now))
                .set("fix_due_at", fixDue(category, now))
                .clear("reply_overdue_at", Instant.class)
                .clear("fix_overdue_at", Instant.class);
    }

    private Mono<Opd> activeOpd(String code, String field) {
        return catalog.opd(code)
                .filter(Opd::active)
                .switchIfEmpty(Mono.error(() -> invalid(ErrorCode.UNKNOWN_OPD, "agency.opd-unknown-or-inactive", field)));
    }

    /** Who may do it, from the transition table: the resident, or staff with one of its roles. */
    private static Mono<Void> requireRole(Caller caller, Transition transition) {
        if (transition.actors().contains(Transition.Actor.RESIDENT)) {
            return requireResident(caller);
        }
        if (!caller.isStaff()) {
            return Mono.error(caller.isResident() ? ApiException.forbidden() : ApiException.unauthenticated());
        }
        for (var role : transition.staffRoles()) {
            if (caller.hasRole(role.name())) {
                return Mono.empty();
            }
        }
        return Mono.error(ApiException.forbidden());
    }

    private static Mono<Void> requireResident(Caller caller) {
        return switch (caller.kind()) {
            case RESIDENT -> Mono.empty();
            case ANONYMOUS -> Mono.error(ApiException.unauthenticated());
            case STAFF -> Mono.error(ApiException.forbidden());
        };
    }

    // A complaint the caller may not see answers as an unknown id does (no existence oracle, ADR 0030); FORBIDDEN
    // stays for what the caller may know: a role without the operation, or a complaint it sees but may not change.
    private static Mono<Void> requireOwner(Caller caller, Complaint complaint) {
        return caller.id().equals(complaint.residentId()) ? Mono.empty() : Mono.error(notFound());
    }

    private static Mono<Void> requireOwnOpd(Caller caller, Complaint complaint) {
        if (caller.opdCode() != null && caller.opdCode().equals(complaint.opdCode())) {
            return Mono.empty();
        }
        return Mono.error(ComplaintAccess.maySee(caller, complaint) ? ApiException.forbidden() : notFound());
    }

    private static Mono<Void> requireVisible(Caller caller, Complaint complaint) {
        return ComplaintAccess.maySee(caller, complaint) ? Mono.empty() : Mono.error(notFound());
    }

    private static RuntimeException notFound() {
        return invalid(ErrorCode.NOT_FOUND, "complaint.not-found", "complaintId");
    }

    private static Mono<Void> requireStatus(Complaint complaint, Transition transition) {
        return transition.allowedFrom(complaint.status()) ? Mono.empty() : Mono.error(invalidTransition(complaint));
    }

    /** The status the table gives for a transition that sets one. */
    private static String statusAfter(Transition transition) {
        return transition.to().orElseThrow().name();
    }

    private static Mono<Void> requireText(String text, int min, String field) {
        int length = text == null ? 0 : text.strip().length();
        if (length < min) {
            return Mono.error(invalid(ErrorCode.MESSAGE_TOO_SHORT, "complaint.text-too-short", field, min));
        }
        if (length > MAX_TEXT) {
            return Mono.error(invalid(ErrorCode.INVALID_INPUT, "complaint.text-too-long", field));
        }
        return Mono.empty();
    }

    private static RuntimeException invalidTransition(Complaint complaint) {
        return invalid(ErrorCode.INVALID_TRANSITION, "complaint.invalid-transition", "complaintId", complaint.status());
    }

    private static boolean isConflict(Throwable e) {
        return e instanceof UserErrorException u && u.error().code() == ErrorCode.CONFLICT;
    }

    static RuntimeException conflict() {
        return UserError.of(ErrorCode.CONFLICT,
                "complaint.conflict", "complaintId").exception();
    }

    private static Set<UUID> ids(List<String> raw, String field) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (raw == null) {
            return ids;
        }
        for (String id : raw) {
            // one that is not an id names no photo (Ids): PHOTO_NOT_FOUND where an unknown one is
            ids.add(Ids.parse(id));
        }
        return ids;
    }

    private static ActorType actorType(Caller caller) {
        return caller.isResident() ? ActorType.RESIDENT : ActorType.STAFF;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static RuntimeException invalid(ErrorCode code, String key, String field, Object... args) {
        return UserError.of(code, key, field).with(args).exception();
    }
}
