package id.go.cilegon.juare.dashboard.backend;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * One staff member's sign-in to the backend, kept in the server-side HTTP session (never sent to the browser).
 * The access token is refreshed shortly before it expires; refresh tokens rotate, so the new pair replaces the old.
 */
public final class BackendSession implements Serializable {

    private final StaffAccount account;
    private Tokens tokens;

    public BackendSession(StaffAccount account, Tokens tokens) {
        this.account = account;
        this.tokens = tokens;
    }

    public StaffAccount account() {
        return account;
    }

    public synchronized Tokens tokens() {
        return tokens;
    }

    /**
     * A bearer token good for at least {@code margin}, refreshing it first when needed. Synchronized: two screens of
     * one session must not both spend the same single-use refresh token.
     */
    public synchronized String accessToken(Clock clock, Duration margin, Function<String, Tokens> refresher) {
        if (!tokens.accessTokenExpiresAt().isAfter(clock.instant().plus(margin))) {
            tokens = refresher.apply(tokens.refreshToken());
        }
        return tokens.accessToken();
    }
}
