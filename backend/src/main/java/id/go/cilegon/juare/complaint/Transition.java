package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.complaint.Transition.Actor.ADMIN;
import static id.go.cilegon.juare.complaint.Transition.Actor.OPD_HEAD;
import static id.go.cilegon.juare.complaint.Transition.Actor.OPD_RESPONDER;
import static id.go.cilegon.juare.complaint.Transition.Actor.OPERATOR;
import static id.go.cilegon.juare.complaint.Transition.Actor.RESIDENT;
import static id.go.cilegon.juare.complaint.Transition.Actor.SYSTEM;

import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.staff.StaffRole;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every action on a complaint, as one table (docs/lifecycle.md): from which statuses it is allowed, the status it
 * leads to (or none: the status stays), who may do it, what it does to the clocks, and the one event it appends.
 * Pure. LifecycleService checks statuses and sets the resulting status from here; the demo data and the month
 * simulator follow the same table. Other checks (own OPD, a pending transfer, texts, photos) stay with the service.
 */
public enum Transition {

    DISPATCH(Lifecycle.WAITING_FOR_OPERATOR, ComplaintStatus.DISPATCHED, Clocks.START_BOTH, EventType.DISPATCHED, OPERATOR),
    REJECT(Lifecycle.WAITING_FOR_OPERATOR, ComplaintStatus.REJECTED, Clocks.NONE, EventType.REJECTED, OPERATOR),
    MARK_DUPLICATE(Lifecycle.WAITING_FOR_OPERATOR, ComplaintStatus.REJECTED, Clocks.NONE, EventType.MARKED_DUPLICATE, OPERATOR),
    /** To another OPD: it owes a first reply of its own, so both clocks start again. */
    REROUTE(Lifecycle.AT_OPD, ComplaintStatus.DISPATCHED, Clocks.START_BOTH, EventType.REROUTED, OPERATOR),
    /** Only while a transfer request is pending (the service checks that). */
    DECLINE_TRANSFER(Lifecycle.AT_OPD, null, Clocks.NONE, EventType.TRANSFER_DECLINED, OPERATOR),
    /** A real first reply stops the reply clock; a template (ADR 0018) does not. */
    REPLY(Lifecycle.AT_OPD, ComplaintStatus.IN_PROGRESS, Clocks.STOP_REPLY, EventType.REPLIED, OPD_RESPONDER, OPD_HEAD),
    /** Only when none is pending (the service checks that). The clocks keep running. */
    REQUEST_TRANSFER(Lifecycle.AT_OPD, null, Clocks.NONE, EventType.TRANSFER_REQUESTED, OPD_RESPONDER, OPD_HEAD),
    /** Stops the fix clock; the note is a first reply too when there was none (and it is not a template). */
    RESOLVE(Lifecycle.AT_OPD, ComplaintStatus.RESOLVED, Clocks.STOP_BOTH, EventType.RESOLVED, OPD_RESPONDER, OPD_HEAD),
    CONFIRM(Lifecycle.WAITING_FOR_RESIDENT, ComplaintStatus.CLOSED, Clocks.NONE, EventType.CONFIRMED, RESIDENT),
    /** Back to the same OPD, against the fix deadline its assignment started with (ADR 0022). */
    DISPUTE(Lifecycle.WAITING_FOR_RESIDENT, ComplaintStatus.REOPENED, Clocks.RESUME_FIX, EventType.DISPUTED, RESIDENT),
    /** A resolution the resident left unanswered (the clock job, {@code juare.clocks.auto-close-after}). */
    AUTO_CLOSE(Lifecycle.WAITING_FOR_RESIDENT, ComplaintStatus.CLOSED, Clocks.NONE, EventType.AUTO_CLOSED, SYSTEM),
    /** The clock job records a breached reply clock once; the clock itself is unchanged. */
    MARK_REPLY_OVERDUE(Lifecycle.AT_OPD, null, Clocks.NONE, EventType.REPLY_OVERDUE, SYSTEM),
    /** The clock job records a breached fix clock once. */
    MARK_FIX_OVERDUE(Lifecycle.AT_OPD, null, Clocks.NONE, EventType.FIX_OVERDUE, SYSTEM),
    /** Staff only; any status, nothing changes but the timeline. */
    ADD_INTERNAL_NOTE(Lifecycle.ALL, null, Clocks.NONE, EventType.INTERNAL_NOTE, OPERATOR, OPD_RESPONDER, OPD_HEAD, ADMIN),
    /** An operator checked an auto-closed fix: done (verified fixes). */
    VERIFY_FIX(Set.of(Lifecycle.Status.CLOSED), null, Clocks.NONE, EventType.FIX_VERIFIED, OPERATOR),
    /** An operator checked an auto-closed fix: not done. Re-opened; it counts as a dispute. */
    REJECT_FIX(Set.of(Lifecycle.Status.CLOSED), ComplaintStatus.REOPENED, Clocks.RESUME_FIX, EventType.FIX_REJECTED, OPERATOR);

    /** Who acts: a staff role, the resident who filed the complaint, or the system (the clock job). */
    public enum Actor {
        OPERATOR(StaffRole.OPERATOR),
        OPD_RESPONDER(StaffRole.OPD_RESPONDER),
        OPD_HEAD(StaffRole.OPD_HEAD),
        ADMIN(StaffRole.ADMIN),
        RESIDENT(null),
        SYSTEM(null);

        private final StaffRole role;

        Actor(StaffRole role) {
            this.role = role;
        }

        /** The staff role, empty for the resident and the system. */
        public Optional<StaffRole> staffRole() {
            return Optional.ofNullable(role);
        }
    }

    /** What an action does to the reply and fix clocks. */
    public enum Clocks {
        /** Both clocks start from now (category hours), breach marks cleared. */
        START_BOTH,
        /** The reply clock stops with the first real reply. */
        STOP_REPLY,
        /** Both stop: the fix clock, and the reply clock if it still ran and the note is a real reply. */
        STOP_BOTH,
        /**
         * The fix clock runs again against the deadline the assignment started with (one deadline per assignment,
         * ADR 0022); a breach already marked stays marked.
         */
        RESUME_FIX,
        NONE
    }

    private final Set<ComplaintStatus> from;
    private final ComplaintStatus to;
    private final Clocks clocks;
    private final EventType event;
    private final Set<Actor> actors;

    Transition(Set<Lifecycle.Status> from, ComplaintStatus to, Clocks clocks, EventType event, Actor... actors) {
        this.from = ComplaintStatus.in(from);
        this.to = to;
        this.clocks = clocks;
        this.event = event;
        EnumSet<Actor> who = EnumSet.noneOf(Actor.class);
        Collections.addAll(who, actors);
        this.actors = Collections.unmodifiableSet(who);
    }

    /** The statuses it may start from. */
    public Set<ComplaintStatus> from() {
        return from;
    }

    public boolean allowedFrom(ComplaintStatus status) {
        return from.contains(status);
    }

    /** The status it leads to; empty when the status stays as it was. */
    public Optional<ComplaintStatus> to() {
        return Optional.ofNullable(to);
    }

    /** The status after this action from {@code status} (which it must be allowed from). */
    public ComplaintStatus after(ComplaintStatus status) {
        if (!allowedFrom(status)) {
            throw new IllegalStateException(this + " is not allowed from " + status);
        }
        return to == null ? status : to;
    }

    public Clocks clocks() {
        return clocks;
    }

    public EventType event() {
        return event;
    }

    public Set<Actor> actors() {
        return actors;
    }

    /** The staff roles that may do it (none for the resident's and the system's actions). */
    public Set<StaffRole> staffRoles() {
        EnumSet<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        actors.forEach(a -> a.staffRole().ifPresent(roles::add));
        return Collections.unmodifiableSet(roles);
    }

    /** The action that appends this event type; empty for SUBMITTED (filing is not a transition). */
    public static Optional<Transition> appending(EventType type) {
        for (Transition t : values()) {
            if (t.event == type) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
