package id.go.cilegon.juare.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data.
 *
 * @param enabled  create the demo data on start (once: a staff account {@code operator} means it is there)
 * @param password the password of every demo staff account
 * @param seed     the random seed: the same seed gives the same people, places and stories
 * @param bulkComplaints made-up complaints added once on top, for load tests (0: none)
 * @param simulateDays   days of simulated complaints (with their event log) added once before the demo's own, so that
 *                       the OPD ranking has a month to show (0: none)
 * @param simulatePerDay about how many complaints a simulated day has
 */
@ConfigurationProperties("juare.demo")
record DemoProperties(boolean enabled, String password, Long seed, int bulkComplaints, int simulateDays, Integer simulatePerDay) {

    static final String DEFAULT_PASSWORD = "juare-demo-2026";
    static final long DEFAULT_SEED = 2026;

    DemoProperties {
        password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
        seed = seed == null ? DEFAULT_SEED : seed;
        simulatePerDay = simulatePerDay == null ? 40 : simulatePerDay;
    }
}
