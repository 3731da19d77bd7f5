package id.go.cilegon.juare.staff.internal;

import id.go.cilegon.juare.platform.DataDirectory;
import id.go.cilegon.juare.platform.SecretFiles;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserErrorException;
import id.go.cilegon.juare.staff.StaffAccount;
import id.go.cilegon.juare.staff.StaffRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class StaffConfig {

    private static final Logger log = LoggerFactory.getLogger(StaffConfig.class);
    static final String DASHBOARD_DISPLAY_NAME = "Dasbor Juare (akun layanan)";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The first ADMIN, from configuration, when the database has none (a fresh installation). It runs before the
     * other start-up runners, so that one that adds admins (the demo data) cannot make it skip.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner firstAdmin(DatabaseClient db, StaffService staff, StaffProperties properties, DataDirectory dataDirectory) {
        return args -> {
            Long admins = db.sql("SELECT count(*) FROM staff WHERE role = 'ADMIN'").map(row -> row.get(0, Long.class)).one().block();
            if (admins != null && admins > 0) {
                return;
            }
            String password = properties.adminPassword();
            if (password == null || password.isBlank()) {
                password = generatedPassword(SecretFiles.directory(dataDirectory.root()).resolve("admin-password.txt"));
            }
            try {
                staff.create(new StaffService.NewAccount(properties.adminUsername(), "Administrator", password, StaffRole.ADMIN,
                        null, null, null)).block();
                log.info("Created the first admin account '{}'", properties.adminUsername());
            } catch (RuntimeException e) {
                // another instance created it at the same moment
                log.info("First admin not created here: {}", e.getMessage());
            }
        };
    }

    /**
     * The staff dashboard's service account, when {@code juare.staff.dashboard-password} is set: the dashboard server
     * signs in with it to hold its one live-events subscription. Role MAYOR: it sees every event and may change
     * nothing; it is no operator, so it is on no shift's duty list. Brought back to MAYOR, active, with the
     * configured password at every start, whatever an admin changed meanwhile. Runs after the first admin.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    ApplicationRunner dashboardAccount(StaffService staff, StaffProperties properties) {
        return args -> {
            String password = properties.dashboardPassword();
            if (password == null || password.isBlank()) {
                return;
            }
            if (password.length() < StaffService.MIN_PASSWORD) {
                throw new IllegalStateException("juare.staff.dashboard-password (JUARE_DASHBOARD_PASSWORD) must have at least "
                        + StaffService.MIN_PASSWORD + " characters");
            }
            try {
                StaffAccount account = staff.ensureServiceAccount(properties.dashboardUsername(), DASHBOARD_DISPLAY_NAME,
                        password, StaffRole.MAYOR).block();
                log.info("Dashboard service account '{}' ready (role {})", account.username(), account.role());
            } catch (UserErrorException e) {
                if (e.error().code() != ErrorCode.USERNAME_TAKEN) {
                    throw new IllegalStateException("The dashboard service account '" + properties.dashboardUsername()
                            + "' cannot be set up: " + e.getMessage(), e);
                }
                // another instance created it at the same moment; the next start brings it in line
                log.info("Dashboard service account not set up here: {}", e.getMessage());
            }
        };
    }

    private static String generatedPassword(Path file) {
        // created readable by its owner only (0600, in a 0700 directory)
        boolean existed = Files.exists(file);
        String password = SecretFiles.readOrCreate(file, () -> SecretFiles.randomToken(15));
        if (!existed) {
            log.warn("No juare.staff.admin-password configured: the first admin's password is in {}", file);
        }
        return password;
    }
}
