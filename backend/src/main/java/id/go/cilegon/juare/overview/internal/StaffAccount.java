package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.agency.Opd;
import java.time.Instant;
import java.util.UUID;

/**
 * GraphQL StaffAccount as the command centre shows it (operators on duty). The staff module owns staff accounts;
 * this read-only view stays inside the overview module.
 *
 * @param role GraphQL StaffRole, by name
 * @param opd  always null here: operators belong to no OPD
 */
record StaffAccount(UUID id, String username, String displayName, String role, Opd opd, String maskedPhone,
                    Shift shift, boolean active, Instant lockedUntil, Instant createdAt) {
}
