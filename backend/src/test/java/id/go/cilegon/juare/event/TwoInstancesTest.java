package id.go.cilegon.juare.event;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.JuareApplication;
import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Two backend instances on one database: a complaint filed through one reaches a subscriber on the other. */
class TwoInstancesTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(JuareApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--juare.whatsapp.base-url=" + WHATSAPP.baseUrl(),
                        "--juare.whatsapp.phone-number-id=" + id.go.cilegon.juare.support.WhatsAppStub.PHONE_NUMBER_ID,
                        "--juare.whatsapp.access-token=" + id.go.cilegon.juare.support.WhatsAppStub.ACCESS_TOKEN);
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

        Flux<Map> live = operation(ws, "MyComplaintEvents").executeSubscription().toFlux("myComplaintEvents", Map.class);
        StepVerifier.create(live.take(1))
                .then(() -> StepVerifier.create(Flux.interval(Duration.ofMillis(10))
                                .filter(tick -> secondStream.subscriberCount() > before).next())
                        .expectNextCount(1).verifyComplete())
                .then(() -> operation(first.as(resident.token()), "SubmitComplaint")
                        .variable("input", complaintInput(newRequestId(), List.of()))
                        .execute()
                        .path("submitComplaint.errors").entityList(Object.class).hasSize(0))
                .assertNext(event -> assertThat(event.get("type")).isEqualTo("SUBMITTED"))
                .expectComplete()
                .verify(WAIT);
        ws.stop().block(WAIT);
    }
}
