package id.go.cilegon.juare.staff.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff sign-in: the first admin (created on first start when there is none) and the lock after failed logins.
 *
 * @param adminUsername    the first admin's username
 * @param adminPassword    its password; when empty one is generated and written to DATA_DIR/secrets/admin-password.txt
 * @param maxFailedLogins  failures in a row before the account locks
 * @param lockDuration     how long it stays locked
 */
@ConfigurationProperties("juare.staff")
record StaffProperties(String adminUsername, String adminPassword, int maxFailedLogins, Duration lockDuration) {

    StaffProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
    }
}
