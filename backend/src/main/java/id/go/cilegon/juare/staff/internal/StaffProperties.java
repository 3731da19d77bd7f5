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
 * @param dashboardUsername the staff dashboard's service account (role MAYOR: reads everything, changes nothing)
 * @param dashboardPassword its password; when set, the account is created or brought back to role MAYOR with this
 *                          password at every start; when empty there is no such account (or it is left as it is)
 */
@ConfigurationProperties("juare.staff")
record StaffProperties(String adminUsername, String adminPassword, int maxFailedLogins, Duration lockDuration,
                       String dashboardUsername, String dashboardPassword) {

    StaffProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        dashboardUsername = dashboardUsername == null || dashboardUsername.isBlank() ? "dashboard" : dashboardUsername;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
    }
}
