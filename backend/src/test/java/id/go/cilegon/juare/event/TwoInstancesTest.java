package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.SecondInstance;
import id.go.cilegon.juare.support.Live;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.test.StepVerifier;

/** Two backend instances on one database: a complaint filed through one reaches a subscriber on the other. */
class TwoInstancesTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anEventCommittedThroughOneInstanceReachesASubscriberOnTheOther() {
        int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        assertThat(secondPort).isNotEqualTo(port);
        EventStream secondStream = second.getBean(EventStream.class);
        secondStream.listening().block(WAIT);

        Api first = api();
        Api other = new Api(secondPort, WHATSAPP);
        Api.Resident resident = first.newResident();
        WebSocketGraphQlTester ws = other.webSocket(resident.token());
        int before = secondStream.subscriberCount();

        StepVerifier.create(Live.myComplaintEvents(ws, null).take(1))
                .then(() -> Live.awaitMoreSubscribersThan(secondStream, before))
                .then(() -> Live.submitComplaint(first, resident.token()))
                .assertNext(event -> assertThat(event.get("type")).isEqualTo("SUBMITTED"))
                .expectComplete()
                .verify(WAIT);
        ws.stop().block(WAIT);
    }
}
