package id.go.cilegon.juare.resident;

import java.time.Instant;
import java.util.UUID;

/** A resident as the API shows it: NIK and phone only masked. */
public record Resident(UUID id, String name, String maskedNik, String maskedPhone, Instant createdAt) {
}
