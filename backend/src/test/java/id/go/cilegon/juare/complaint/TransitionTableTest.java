package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.complaint.ComplaintStatus.CLOSED;
import static id.go.cilegon.juare.complaint.ComplaintStatus.DISPATCHED;
import static id.go.cilegon.juare.complaint.ComplaintStatus.IN_PROGRESS;
import static id.go.cilegon.juare.complaint.ComplaintStatus.REJECTED;
import static id.go.cilegon.juare.complaint.ComplaintStatus.REOPENED;
import static id.go.cilegon.juare.complaint.ComplaintStatus.RESOLVED;
import static id.go.cilegon.juare.complaint.ComplaintStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.complaint.Transition.Actor;
import id.go.cilegon.juare.complaint.Transition.Clocks;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.staff.StaffRole;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lifecycle's transition table and status categories, without Spring (docs/lifecycle.md). */
class TransitionTableTest {

    private static final Set<ComplaintStatus> AT_OPD = EnumSet.of(DISPATCHED, IN_PROGRESS, REOPENED);
    private static final Set<ComplaintStatus> EVERY = EnumSet.allOf(ComplaintStatus.class);

    /** One row: allowed from, to (null: unchanged), clocks, event, who. */
    private record Row(Transition t, Set<ComplaintStatus> from, ComplaintStatus to, Clocks clocks, EventType event, Set<Actor> who) {
    }

    private static final List<Row> EXPECTED = List.of(
            new Row(Transition.DISPATCH, EnumSet.of(SUBMITTED), DISPATCHED, Clocks.START_BOTH, EventType.DISPATCHED, EnumSet.of(Actor.OPERATOR)),
            new Row(Transition.REJECT, EnumSet.of(SUBMITTED), REJECTED, Clocks.NONE, EventType.REJECTED, EnumSet.of(Actor.OPERATOR)),
            new Row(Transition.MARK_DUPLICATE, EnumSet.of(SUBMITTED), REJECTED, Clocks.NONE, EventType.MARKED_DUPLICATE, EnumSet.of(Actor.OPERATOR)),
            new Row(Transition.REROUTE, AT_OPD, DISPATCHED, Clocks.START_BOTH, EventType.REROUTED, EnumSet.of(Actor.OPERATOR)),
            new Row(Transition.DECLINE_TRANSFER, AT_OPD, null, Clocks.NONE, EventType.TRANSFER_DECLINED, EnumSet.of(Actor.OPERATOR)),
            new Row(Transition.REPLY, AT_OPD, IN_PROGRESS, Clocks.STOP_REPLY, EventType.REPLIED, EnumSet.of(Actor.OPD_RESPONDER, Actor.OPD_HEAD)),
            new Row(Transition.REQUEST_TRANSFER, AT_OPD, null, Clocks.NONE, EventType.TRANSFER_REQUESTED, EnumSet.of(Actor.OPD_RESPONDER, Actor.OPD_HEAD)),
            new Row(Transition.RESOLVE, AT_OPD, RESOLVED, Clocks.STOP_BOTH, EventType.RESOLVED, EnumSet.of(Actor.OPD_RESPONDER, Actor.OPD_HEAD)),
            new Row(Transition.CONFIRM, EnumSet.of(RESOLVED), CLOSED, Clocks.NONE, EventType.CONFIRMED, EnumSet.of(Actor.RESIDENT)),
            new Row(Transition.DISPUTE, EnumSet.of(RESOLVED), REOPENED, Clocks.RESUME_FIX, EventType.DISPUTED, EnumSet.of(Actor.RESIDENT)),
            new Row(Transition.AUTO_CLOSE, EnumSet.of(RESOLVED), CLOSED, Clocks.NONE, EventType.AUTO_CLOSED, EnumSet.of(Actor.SYSTEM)),
            new Row(Transition.MARK_REPLY_OVERDUE, AT_OPD, null, Clocks.NONE, EventType.REPLY_OVERDUE, EnumSet.of(Actor.SYSTEM)),
            new Row(Transition.MARK_FIX_OVERDUE, AT_OPD, null, Clocks.NONE, EventType.FIX_OVERDUE, EnumSet.of(Actor.SYSTEM)),
            new Row(Transition.ADD_INTERNAL_NOTE, EVERY, null, Clocks.NONE, EventType.INTERNAL_NOTE,
                    EnumSet.of(Actor.OPERATOR, Actor.OPD_RESPONDER, Actor.OPD_HEAD, Actor.ADMIN)),
            new Row(Transition.VERIFY_FIX, EnumSet.of(CLOSED), null, Clocks.NONE, EventType.FIX_VERIFIED, EnumSet.of(Actor.OPERATOR)),
            new Row(Transition.REJECT_FIX, EnumSet.of(CLOSED), REOPENED, Clocks.RESUME_FIX, EventType.FIX_REJECTED, EnumSet.of(Actor.OPERATOR)));

    @Test
    void everyActionHasTheRowWeExpect() {
        assertThat(EXPECTED.stream().map(Row::t)).containsExactly(Transition.values());
        for (Row row : EXPECTED) {
            Transition t = row.t();
            assertThat(t.from()).as("%s from", t).isEqualTo(row.from());
            assertThat(t.to()).as("%s to", t).isEqualTo(Optional.ofNullable(row.to()));
            assertThat(t.clocks()).as("%s clocks", t).isEqualTo(row.clocks());
            assertThat(t.event()).as("%s event", t).isEqualTo(row.event());
            assertThat(t.actors()).as("%s who", t).isEqualTo(row.who());
            for (ComplaintStatus s : ComplaintStatus.values()) {
                assertThat(t.allowedFrom(s)).as("%s from %s", t, s).isEqualTo(row.from().contains(s));
                if (t.allowedFrom(s)) {
                    assertThat(t.after(s)).as("%s after %s", t, s).isEqualTo(row.to() == null ? s : row.to());
                } else {
                    assertThatThrownBy(() -> t.after(s)).isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @Test
    void everyStatusIsReachableFromSubmitted() {
        Set<ComplaintStatus> seen = EnumSet.of(SUBMITTED);
        ArrayDeque<ComplaintStatus> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            ComplaintStatus s = todo.pop();
            for (Transition t : Transition.values()) {
                if (t.allowedFrom(s) && seen.add(t.after(s))) {
                    todo.push(t.after(s));
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(ComplaintStatus.values());
    }

    @Test
    void finishedStatusesHaveNoWayOutButAFixVerdict() {
        for (ComplaintStatus s : ComplaintStatus.values()) {
            if (s.category() != Lifecycle.Category.FINISHED) {
                continue;
            }
            Set<Transition> leaving = Arrays.stream(Transition.values())
                    .filter(t -> t.allowedFrom(s) && t.after(s) != s)
                    .collect(Collectors.toSet());
            assertThat(leaving).as("ways out of %s", s).isEqualTo(s == CLOSED ? Set.of(Transition.REJECT_FIX) : Set.of());
        }
        // REJECTED is a dead end: only notes
        assertThat(Arrays.stream(Transition.values()).filter(t -> t.allowedFrom(REJECTED)))
                .containsExactly(Transition.ADD_INTERNAL_NOTE);
    }

    @Test
    void theClocksRunOnlyAtAnOpd() {
        for (Transition t : Transition.values()) {
            if (t.clocks() == Clocks.START_BOTH) {
                assertThat(t.to()).as("%s starts the clocks of an OPD", t).hasValueSatisfying(to -> assertThat(to.isAtOpd()).isTrue());
            }
            if (t.clocks() == Clocks.STOP_REPLY || t.clocks() == Clocks.STOP_BOTH
                    || t == Transition.MARK_REPLY_OVERDUE || t == Transition.MARK_FIX_OVERDUE) {
                assertThat(t.from()).as("%s: clocks stop or breach only at an OPD", t).isEqualTo(AT_OPD);
            }
        }
        // after a resolution both stop: nothing is at an OPD any more
        assertThat(Transition.RESOLVE.to()).hasValueSatisfying(to -> assertThat(to.isAtOpd()).isFalse());
    }

    @Test
    void eachEventTypeComesFromOneActionButFiling() {
        for (EventType type : EventType.values()) {
            long actions = Arrays.stream(Transition.values()).filter(t -> t.event() == type).count();
            assertThat(actions).as("actions appending %s", type).isEqualTo(type == EventType.SUBMITTED ? 0 : 1);
        }
        assertThat(Transition.appending(EventType.DISPUTED)).contains(Transition.DISPUTE);
        assertThat(Transition.appending(EventType.SUBMITTED)).isEmpty();
    }

    @Test
    void staffRolesAreTheStaffRoleEnumsAndNoOneElseActsForTheResident() {
        for (Actor actor : Actor.values()) {
            assertThat(actor.staffRole().map(StaffRole::name)).isEqualTo(
                    actor == Actor.RESIDENT || actor == Actor.SYSTEM ? Optional.empty() : Optional.of(actor.name()));
        }
        for (Transition t : Transition.values()) {
            if (t.actors().contains(Actor.RESIDENT) || t.actors().contains(Actor.SYSTEM)) {
                assertThat(t.actors()).as("%s is the resident's or the system's alone", t).hasSize(1);
            }
        }
        // the mayor watches: no action is the mayor's
        assertThat(Arrays.stream(Transition.values()).flatMap(t -> t.staffRoles().stream())).doesNotContain(StaffRole.MAYOR);
    }

    @Test
    void categoriesAndTheNamedSets() {
        assertThat(Arrays.stream(ComplaintStatus.values()).map(ComplaintStatus::name))
                .containsExactly(Arrays.stream(Lifecycle.Status.values()).map(Enum::name).toArray(String[]::new));
        assertThat(ComplaintStatus.in(Lifecycle.AT_OPD)).isEqualTo(AT_OPD);
        assertThat(ComplaintStatus.in(Lifecycle.OPEN)).isEqualTo(EnumSet.of(SUBMITTED, DISPATCHED, IN_PROGRESS, RESOLVED, REOPENED));
        assertThat(ComplaintStatus.in(Lifecycle.WITH_CITY)).isEqualTo(EnumSet.of(SUBMITTED, DISPATCHED, IN_PROGRESS, REOPENED));
        assertThat(ComplaintStatus.in(Lifecycle.FINISHED)).isEqualTo(EnumSet.of(CLOSED, REJECTED));
        assertThat(ComplaintStatus.in(Lifecycle.NEVER_AT_OPD)).isEqualTo(EnumSet.of(SUBMITTED, REJECTED));
        assertThat(Lifecycle.sqlList(Lifecycle.AT_OPD)).isEqualTo("'DISPATCHED', 'IN_PROGRESS', 'REOPENED'");
        assertThat(Lifecycle.sqlIn("status", Lifecycle.WAITING_FOR_RESIDENT)).isEqualTo("status = 'RESOLVED'");
        assertThat(Lifecycle.names(Lifecycle.WITH_CITY)).containsExactly("SUBMITTED", "DISPATCHED", "IN_PROGRESS", "REOPENED");
        assertThat(Lifecycle.contains(Lifecycle.AT_OPD, "REOPENED")).isTrue();
        assertThat(Lifecycle.contains(Lifecycle.AT_OPD, "SOMETHING_NEW")).isFalse();
        assertThat(Lifecycle.categoryOf("RESOLVED")).isEqualTo(Lifecycle.Category.WAITING_FOR_RESIDENT);
        // the categories partition the statuses
        Set<Lifecycle.Status> union = new HashSet<>();
        for (Lifecycle.Category c : Lifecycle.Category.values()) {
            Set<Lifecycle.Status> of = Lifecycle.of(c);
            assertThat(of).as("category %s", c).isNotEmpty();
            assertThat(of.stream().filter(union::contains)).as("category %s overlaps", c).isEmpty();
            union.addAll(of);
        }
        assertThat(union).containsExactlyInAnyOrder(Lifecycle.Status.values());
        // an OPD's actions need an OPD: never from a status no OPD ever held
        for (Transition t : Transition.values()) {
            if (t.actors().contains(Actor.OPD_RESPONDER) && t != Transition.ADD_INTERNAL_NOTE) {
                assertThat(t.from()).allSatisfy(s -> assertThat(s.lifecycle().hasBeenAtOpd()).isTrue());
            }
        }
    }
}
