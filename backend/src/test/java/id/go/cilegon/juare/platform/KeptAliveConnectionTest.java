package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection goes on answering after requests answered at once (no database, no hop). Reactor Netty
 * 1.3.6 could stop reading such a connection when the next request came before the previous one's handling had
 * ended: that request then waited for ever (reactor-netty 4347/4361; a 30 s client time-out in Open311Test and
 * IdsAndExistenceTest now and then, 2–12 requests in 900 here). Fixed by 1.3.8.
 */
class KeptAliveConnectionTest extends IntegrationTest {

    @Test
    void requestsAnsweredAtOnceNeverLeaveTheNextOneWaiting() {
        String token = api().newResident().token();
        var client = api().http().mutate().responseTimeout(Duration.ofSeconds(5)).build();
        List<String> waited = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            String path = switch (i % 3) {
                case 0 -> "/open311/v2/requests/" + UUID.randomUUID() + ".xml?api_key=" + token; // a look-up, then 404
                case 1 -> "/open311/v2/requests/not-an-id.json?api_key=" + token;                 // 404 at once
                default -> "/open311/v2/requests.json";                                         // 403 at once
            };
            try {
                client.get().uri(path).exchange().expectBody(String.class).returnResult();
            } catch (IllegalStateException timedOut) {
                waited.add(i + ": " + path.replace(token, "…"));
            }
        }
        assertThat(waited).as("requests that got no answer within 5 s").isEmpty();
    }
}
