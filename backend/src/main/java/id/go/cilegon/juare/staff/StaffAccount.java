package id.go.cilegon.juare.staff;

import java.time.Instant;
import java.util.UUID;

/** A staff account as the API shows it; the phone only masked. */
public record StaffAccount(UUID id, String username, String displayName, StaffRole role, String opdCode,
                           String maskedPhone, String shift, boolean active, Instant lockedUntil, Instant createdAt) {
}
