package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The LISTEN connection dies; the listener reconnects and delivers what was committed meanwhile. */
class ListenerReconnectTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    EventStream stream;

    private Mono<List<Integer>> listenerPids() {
        return db.sql("SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN juare_events'")
                .map(row -> row.get(0, Integer.class))
                .all()
                .collectList();
    }

    private void killListeners() {
        db.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN juare_events'")
                .then()
                .block();
    }

    @Test
    void anEventCommittedWhileTheListenerIsDownStillReachesTheSubscriber() {
        stream.listening().block(WAIT);
        List<Integer> before = listenerPids().block();
        assertThat(before).isNotEmpty();

        Api.Resident resident = api().newResident();
        WebSocketGraphQlTester ws = api().webSocket(resident.token());
        int subscribers = stream.subscriberCount();
        StepVerifier.create(Live.myComplaintEvents(ws, null).take(1))
                .then(() -> Live.awaitMoreSubscribersThan(stream, subscribers))
                .then(this::killListeners)
                .then(() -> Live.submitComplaint(api(), resident.token()))
                .assertNext(event -> assertThat(event.get("type")).isEqualTo("SUBMITTED"))
                .expectComplete()
                .verify(WAIT);
        ws.stop().block(WAIT);

        // a new LISTEN connection is in place
        StepVerifier.create(Flux.interval(Duration.ofMillis(20))
                        .onBackpressureDrop()
                        .concatMap(tick -> listenerPids())
                        .filter(pids -> !pids.isEmpty() && pids.stream().noneMatch(before::contains))
                        .next())
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
    }
}
