package id.go.cilegon.juare.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.StoredEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who shares one execution of an event's selection (ADR 0038): only callers every resolver below it treats alike. */
class EventShareTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final UUID residentId = UUID.randomUUID();
    private final Complaint complaint = Complaint.submitted(UUID.randomUUID(), "ABC-1234", residentId, "r1", "JALAN", "t", "d",
            -6.0, 106.0, "36.72.02", "36.72.02.1002", "Jl. 1", false, NOW);
    private final StoredEvent event = new StoredEvent(7, complaint.id(), EventType.SUBMITTED, ActorType.RESIDENT, residentId, NOW,
            "SUBMITTED", residentId, null, "36.72.02", "JALAN", true, Map.of());

    private static Caller staff(String role, String opd) {
        return new Caller(Caller.Kind.STAFF, UUID.randomUUID(), Set.of(role), opd);
    }

    @Test
    void twoOperatorsShareTheirOwnIdsAside() {
        assertThat(ComplaintEventController.EventShare.of(event, complaint, staff("OPERATOR", null)))
                .isEqualTo(ComplaintEventController.EventShare.of(event, complaint, staff("OPERATOR", null)))
                .hasSameHashCodeAs(ComplaintEventController.EventShare.of(event, complaint, staff("OPERATOR", null)));
    }

    @Test
    void anotherRoleAnotherOpdAnotherResidentOrAnotherReadOfTheComplaintDoNotShare() {
        var operator = ComplaintEventController.EventShare.of(event, complaint, staff("OPERATOR", null));
        assertThat(operator).isNotEqualTo(ComplaintEventController.EventShare.of(event, complaint, staff("MAYOR", null)));
        assertThat(ComplaintEventController.EventShare.of(event, complaint, staff("OPD_RESPONDER", "DLH")))
                .isNotEqualTo(ComplaintEventController.EventShare.of(event, complaint, staff("OPD_RESPONDER", "DISHUB")))
                // apart by hash too: the groups of one event for each OPD do not take one slot of the recent groups
                .doesNotHaveSameHashCodeAs(ComplaintEventController.EventShare.of(event, complaint, staff("OPD_RESPONDER", "DISHUB")))
                .doesNotHaveSameHashCodeAs(operator);
        assertThat(ComplaintEventController.EventShare.of(event, complaint, new Caller(Caller.Kind.RESIDENT, residentId, Set.of("RESIDENT"), null)))
                .isNotEqualTo(ComplaintEventController.EventShare.of(event, complaint, new Caller(Caller.Kind.RESIDENT, UUID.randomUUID(), Set.of("RESIDENT"), null)));
        // an equal complaint read again (a newer read of this instance) is not the same delivery
        Complaint again = Complaint.submitted(complaint.id(), "ABC-1234", residentId, "r1", "JALAN", "t", "d",
                -6.0, 106.0, "36.72.02", "36.72.02.1002", "Jl. 1", false, NOW);
        assertThat(again).isEqualTo(complaint);
        assertThat(ComplaintEventController.EventShare.of(event, again, staff("OPERATOR", null))).isNotEqualTo(operator);
        // a caller who may not see the complaint gets it as null: another group
        assertThat(ComplaintEventController.EventShare.of(event, null, staff("OPERATOR", null))).isNotEqualTo(operator);
    }
}
