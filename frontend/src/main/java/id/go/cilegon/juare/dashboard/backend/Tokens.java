package id.go.cilegon.juare.dashboard.backend;

import java.io.Serializable;
import java.time.Instant;

/** An {@code AuthSession} of the backend: a short-lived access token and a rotating refresh token. */
public record Tokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt)
        implements Serializable {
}
