package id.go.cilegon.juare.event;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The log's guarantees: gap-free ids in commit order, rolled-back events leave no hole, nothing changes. */
class EventLogTest extends IntegrationTest {

    @Autowired EventLog eventLog;
    @Autowired TransactionalOperator tx;

    private NewEvent noteOn(UUID complaintId, UUID residentId) {
        return new NewEvent(complaintId, EventType.INTERNAL_NOTE, ActorType.SYSTEM, null, "SUBMITTED", residentId, null,
                "36.72.02", "JALAN", false, Map.of("message", "uji"));
    }

    private UUID[] newComplaint() {
        Api.Resident resident = api().newResident();
        String id = operation(api().as(resident.token()), "SubmitComplaint")
                .variable("input", complaintInput(newRequestId(), List.of()))
                .execute()
                .path("submitComplaint.complaint.id").entity(String.class).get();
        return new UUID[] {UUID.fromString(id), UUID.fromString(resident.id())};
    }

    @Test
    void concurrentAppendsGetGapFreeIds() {
        UUID[] complaint = newComplaint();
        long start = eventLog.lastId().block();
        List<Long> ids = Flux.range(0, 40)
                .flatMap(i -> eventLog.append(noteOn(complaint[0], complaint[1])).as(tx::transactional), 8)
                .collectSortedList()
                .block();
        long end = eventLog.lastId().block();
        assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        // other tests may append meanwhile, but nothing is skipped
        long stored = db.sql("SELECT count(*) FROM complaint_event WHERE id > :start AND id <= :end")
                .bind("start", start).bind("end", end)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(stored).isEqualTo(end - start);
    }

    @Test
    void aRolledBackAppendLeavesNoGap() {
        UUID[] complaint = newComplaint();
        Mono<Long> failing = eventLog.append(noteOn(complaint[0], complaint[1]))
                .then(Mono.<Long>error(new IllegalStateException("roll back")))
                .as(tx::transactional);
        assertThatThrownBy(failing::block).hasMessageContaining("roll back");
        long before = eventLog.lastId().block();
        long next = eventLog.append(noteOn(complaint[0], complaint[1])).as(tx::transactional).block();
        assertThat(next).isEqualTo(before + 1);
    }

    @Test
    void pastEventsAppendedTogetherKeepTheirTimesAndTheirOrder() {
        UUID[] complaint = newComplaint();
        java.time.Instant start = java.time.Instant.parse("2026-01-05T01:00:00.123456Z");
        List<EventLog.PastEvent> past = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new EventLog.PastEvent(noteOn(complaint[0], complaint[1]), start.plusSeconds(i)))
                .toList();
        eventLog.appendAllAt(past).as(tx::transactional).block();

        List<StoredEvent> stored = eventLog.ofComplaints(List.of(complaint[0]), false).block().get(complaint[0]).stream()
                .filter(e -> e.type() == EventType.INTERNAL_NOTE)
                .toList();
        assertThat(stored).extracting(StoredEvent::occurredAt)
                .containsExactlyElementsOf(past.stream().map(EventLog.PastEvent::occurredAt).toList());
        assertThat(stored.getFirst().actorId()).isNull();
        assertThat(stored.getFirst().message()).isEqualTo("uji");
        assertThat(stored.getLast().id() - stored.getFirst().id()).as("gap-free").isEqualTo(299);
    }

    @Test
    void theLogIsAppendOnly() {
        UUID[] complaint = newComplaint();
        assertThatThrownBy(() -> db.sql("UPDATE complaint_event SET type = 'REJECTED' WHERE complaint_id = :id")
                .bind("id", complaint[0]).then().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM complaint_event WHERE complaint_id = :id")
                .bind("id", complaint[0]).then().block())
                .hasMessageContaining("append-only");
    }
}
