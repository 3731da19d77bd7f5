package id.go.cilegon.juare.dashboard.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard server's live-events subscription: the backend's service account it signs in with (the backend
 * creates it from {@code juare.staff.dashboard-password}; role MAYOR, so it sees every event) and its timing.
 *
 * @param username   the service account
 * @param password   its password; empty means no live events (one warning at start)
 * @param coalesce   events arriving within this long reach a screen as one batch
 * @param ackTimeout how long to wait for the backend's connection_ack before opening the connection again
 * @param minBackoff first wait before reconnecting; doubled on each failure up to {@code maxBackoff}
 * @param maxPending events a screen may fall behind before the oldest are dropped (a stuck browser tab must not
 *                   fill the server's memory; screens reload their figures anyway)
 * @param recent     how many of the latest events the server keeps for screens that open (the first subscription
 *                   starts this many events back, so there are some from the start)
 */
@ConfigurationProperties("juare.backend.live")
public record LiveProperties(
        @DefaultValue("dashboard") String username,
        String password,
        @DefaultValue("100ms") Duration coalesce,
        @DefaultValue("5s") Duration ackTimeout,
        @DefaultValue("1s") Duration minBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("500") int maxPending,
        @DefaultValue("20") int recent) {

    public boolean enabled() {
        return password != null && !password.isBlank();
    }
}
