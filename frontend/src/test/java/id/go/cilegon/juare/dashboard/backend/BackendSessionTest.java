package id.go.cilegon.juare.dashboard.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the session refreshes its access token (against the real backend: see BackendClientTest). */
class BackendSessionTest {

    private static final Instant NOW = Instant.parse("2026-05-07T03:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final List<String> spent = new ArrayList<>();

    private Tokens refresh(String refreshToken) {
        spent.add(refreshToken);
        return new Tokens("access-" + spent.size(), NOW.plus(Duration.ofMinutes(15)), "refresh-" + spent.size(), NOW.plus(Duration.ofDays(30)));
    }

    private static BackendSession sessionExpiringAt(Instant expiry) {
        StaffAccount account = new StaffAccount("1", "operator", "Operator", StaffRole.OPERATOR, null, "PAGI");
        return new BackendSession(account, new Tokens("access-0", expiry, "refresh-0", NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void aTokenGoodForLongerThanTheMarginIsKept() {
        BackendSession session = sessionExpiringAt(NOW.plus(Duration.ofMinutes(5)));
        assertThat(session.accessToken(Clock.fixed(NOW, ZoneOffset.UTC), MARGIN, this::refresh)).isEqualTo("access-0");
        assertThat(spent).isEmpty();
    }

    @Test
    void aTokenWithinTheMarginIsRefreshedOnceAndTheNewPairKept() {
        BackendSession session = sessionExpiringAt(NOW.plus(Duration.ofSeconds(59)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(session.accessToken(clock, MARGIN, this::refresh)).isEqualTo("access-1");
        assertThat(session.accessToken(clock, MARGIN, this::refresh)).isEqualTo("access-1");
        assertThat(spent).containsExactly("refresh-0");
        assertThat(session.tokens().refreshToken()).isEqualTo("refresh-1");
    }
}
