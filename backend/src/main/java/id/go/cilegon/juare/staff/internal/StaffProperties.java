package id.go.cilegon.juare.staff.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff sign-in: the first admin (created on first start when there is none) and the lock after failed logins.
 *
 * @param adminUsername    the first admin's username
 * @param adminPassword    its password; when empty one is generated and written to DATA_DIR/secrets/admin-password.txt
 * @param maxFailedLogins  failures in a row of one username from one client address before each further one makes
 *                         that pair wait (ADR 0013)
 * @param lockDuration     the longest such wait (the waits double from {@code signInFirstDelay})
 * @param dashboardUsername the staff dashboard's service account (role MAYOR: reads everything, changes nothing)
 * @param dashboardPassword its password; when set, the account is created or brought back to role MAYOR with this
 *                          password at every start; when empty there is no such account (or it is left as it is)
 * @param signInFirstDelay the first wait after {@code maxFailedLogins} failures; each further failure doubles it
 * @param signInForgetAfter a (username, address) pair's failures are forgotten after this long without an attempt
 * @param signInWindow     the window of the two ceilings below
 * @param maxFailedLoginsPerAddress failures from one client address, all usernames together, per window (password
 *                         spraying)
 * @param maxFailedLoginsPerAccount failures on one username, all addresses together, per window (a distributed
 *                         attack); far above what one address can reach with its waits
 */
@ConfigurationProperties("juare.staff")
record StaffProperties(String adminUsername, String adminPassword, int maxFailedLogins, Duration lockDuration,
                       String dashboardUsername, String dashboardPassword, Duration signInFirstDelay,
                       Duration signInForgetAfter, Duration signInWindow, int maxFailedLoginsPerAddress,
                       int maxFailedLoginsPerAccount) {

    StaffProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        dashboardUsername = dashboardUsername == null || dashboardUsername.isBlank() ? "dashboard" : dashboardUsername;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        signInFirstDelay = signInFirstDelay == null ? Duration.ofSeconds(1) : signInFirstDelay;
        signInForgetAfter = signInForgetAfter == null ? Duration.ofHours(24) : signInForgetAfter;
        signInWindow = signInWindow == null ? Duration.ofMinutes(15) : signInWindow;
        maxFailedLoginsPerAddress = maxFailedLoginsPerAddress <= 0 ? 50 : maxFailedLoginsPerAddress;
        maxFailedLoginsPerAccount = maxFailedLoginsPerAccount <= 0 ? 100 : maxFailedLoginsPerAccount;
    }
}
