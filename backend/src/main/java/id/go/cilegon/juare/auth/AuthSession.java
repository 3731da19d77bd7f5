package id.go.cilegon.juare.auth;

import java.time.Instant;

/** What a successful sign-in returns. */
public record AuthSession(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt) {
}
