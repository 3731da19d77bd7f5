package id.go.cilegon.juare.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.StoredEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One read of an event's complaint per instance, shared by every subscriber; never older than the complaint's newest event. */
class EventComplaintsTest {

    private final UUID complaintId = UUID.randomUUID();
    private final AtomicInteger reads = new AtomicInteger();
    /** What the database holds now. */
    private final AtomicReference<String> opdNow = new AtomicReference<>("DPUPR");
    private final AtomicReference<RuntimeException> failing = new AtomicReference<>();

    private final ComplaintRepository repository = new ComplaintRepository(null) {
        @Override
        Mono<Complaint> findById(UUID id) {
            return Mono.defer(() -> {
                reads.incrementAndGet();
                if (failing.get() != null) {
                    return Mono.error(failing.get());
                }
                Complaint c = Complaint.submitted(id, "ABC-1234", UUID.randomUUID(), "r", "JALAN", "t", "d", 0, 0, null, null, null,
                        false, Instant.EPOCH);
                return Mono.just(new Complaint(c.id(), c.trackingNumber(), c.residentId(), c.clientRequestId(), c.categoryCode(),
                        c.title(), c.description(), c.lat(), c.lng(), c.kecamatanCode(), c.kelurahanCode(), c.addressText(),
                        c.confidential(), c.status(), opdNow.get(), c.version(), c.createdAt(), c.updatedAt(), c.dispatchedAt(),
                        c.replyDueAt(), c.fixDueAt(), c.firstReplyAt(), c.resolvedAt(), c.closedAt(), c.replyOverdueAt(),
                        c.fixOverdueAt(), c.transferRequestedAt(), c.transferReason(), c.rejectReason(), c.duplicateOf(), c.rating(),
                        c.residentComment(), c.reopenCount(), c.autoClosed()));
            });
        }
    };

    private final EventStream stream = new EventStream(new EventLog(null, null, null), 100);
    private final EventComplaints complaints = new EventComplaints(repository, stream, 16);

    private StoredEvent event(long id, String opd) {
        return new StoredEvent(id, complaintId, EventType.INTERNAL_NOTE, ActorType.SYSTEM, null, Instant.EPOCH, "DISPATCHED",
                UUID.randomUUID(), opd, "36.72.02", "JALAN", false, Map.of());
    }

    @Test
    void everySubscriberOfAnEventSharesOneRead() {
        StoredEvent e = event(10, "DPUPR");
        stream.publish(e);
        long got = Flux.range(0, 5_000).flatMap(i -> complaints.of(e)).count().block();
        assertThat(got).isEqualTo(5_000);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aNewerEventOfTheComplaintIsReadAgainAndAnOlderOneReplayedAfterItGetsTheComplaintAsItIsNow() {
        StoredEvent dispatched = event(10, "DPUPR");
        stream.publish(dispatched);
        assertThat(complaints.of(dispatched).block().opdCode()).isEqualTo("DPUPR");

        // rerouted: the database holds the new OPD, then the listener publishes the event
        opdNow.set("DLH");
        StoredEvent rerouted = event(11, "DLH");
        stream.publish(rerouted);
        // a subscriber replaying the older event now sees where the complaint is now, not the earlier read
        assertThat(complaints.of(dispatched).block().opdCode()).isEqualTo("DLH");
        assertThat(complaints.of(rerouted).block().opdCode()).isEqualTo("DLH");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadIsNotKept() {
        StoredEvent e = event(10, "DPUPR");
        stream.publish(e);
        failing.set(new IllegalStateException("connection lost"));
        assertThat(complaints.of(e).onErrorResume(error -> Mono.empty()).block()).isNull();
        failing.set(null);
        assertThat(complaints.of(e).block()).isNotNull();
        assertThat(reads).hasValue(2);
    }
}
