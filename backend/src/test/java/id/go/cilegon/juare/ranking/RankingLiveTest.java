package id.go.cilegon.juare.ranking;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Live;
import id.go.cilegon.juare.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** opdRankingChanged: the ranking at once, then a new one when an event moves a figure (DP3AP2KB: no other test's). */
class RankingLiveTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, Object> TODAY = Map.of("kind", "TODAY");

    @SuppressWarnings("rawtypes")
    private static Flux<Map> rankings(WebSocketGraphQlTester ws) {
        return operation(ws, "OpdRankingChanged").variable("period", TODAY).executeSubscription()
                .toFlux("opdRankingChanged", Map.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static int received(Map ranking, String opd) {
        return ((List<Map>) ranking.get("rows")).stream()
                .filter(row -> opd.equals(((Map) row.get("opd")).get("code")))
                .map(row -> (Integer) ((Map) row.get("figures")).get("received"))
                .findFirst().orElseThrow();
    }

    @Test
    void theRankingMovesWhenAComplaintIsDispatched() {
        Staff.Member operator = new Staff(api()).operator();
        Api.Resident resident = api().newResident();
        String id = Live.submitComplaint(api(), resident.token());
        WebSocketGraphQlTester ws = api().webSocket(operator.token());
        StepVerifier.create(rankings(ws))
                .assertNext(first -> assertThat(received(first, "DP3AP2KB")).isZero())
                .then(() -> operation(api().as(operator.token()), "Dispatch")
                        .variable("input", Map.of("complaintId", id, "opdCode", "DP3AP2KB")).execute()
                        .path("dispatch.errors").entityList(Object.class).hasSize(0))
                // a ranking moved by earlier events may come first
                .thenConsumeWhile(next -> received(next, "DP3AP2KB") == 0)
                .assertNext(next -> assertThat(received(next, "DP3AP2KB")).isEqualTo(1))
                .thenCancel()
                .verify(WAIT);
        ws.stop().block(WAIT);
    }

    @Test
    void opdStaffCannotSubscribeToTheRanking() {
        Staff.Member responder = new Staff(api()).responder("DLH");
        WebSocketGraphQlTester ws = api().webSocket(responder.token());
        StepVerifier.create(rankings(ws))
                .expectErrorSatisfies(error -> assertThat(error.toString()).contains("FORBIDDEN"))
                .verify(WAIT);
        ws.stop().block(WAIT);
    }
}
