package id.go.cilegon.juare.resident;

import java.time.Instant;
import java.util.UUID;

/** A sign-in code was sent; verify it with this id before it expires. */
public record OtpChallenge(UUID id, Instant expiresAt, String maskedPhone) {
}
