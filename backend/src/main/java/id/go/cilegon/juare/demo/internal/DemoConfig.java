package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The demo data, only with {@code juare.demo.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "juare.demo", name = "enabled", havingValue = "true")
class DemoConfig {

    private static final Logger log = LoggerFactory.getLogger(DemoConfig.class);

    @Bean
    DemoSeeder demoSeeder(DatabaseClient db, TransactionalOperator tx, EventLog eventLog, CityMap cityMap,
                          AgencyCatalog catalog, PersonalDataCipher cipher, PasswordEncoder passwords, Clock clock,
                          DemoProperties properties) {
        return new DemoSeeder(db, tx, eventLog, cityMap, catalog, cipher, passwords, clock, properties);
    }

    /** The simulated days end where the demo's own history begins; they run on until now. */
    private static void simulate(Simulator simulator, DemoProperties properties, Clock clock) {
        java.time.Instant now = clock.instant();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Jakarta"));
        java.time.LocalDate first = today.minusDays(properties.simulateDays() + DemoScenario.SPAN.toDays());
        var simulation = simulator.simulate(properties.seed() + 1, first, properties.simulateDays(), properties.simulatePerDay(), now)
                .block(Duration.ofMinutes(5));
        log.info("Demo data: {} simulated complaints with {} events from {} ({} days)", simulation.complaints(),
                simulation.events(), first, properties.simulateDays());
    }

    /** Last of the start-up work: the first admin must exist before the demo adds an admin of its own. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner demoData(DemoSeeder seeder, Simulator simulator, DemoProperties properties, Clock clock) {
        return args -> {
            try {
                DemoSeeder.Result result = seeder.seed().block(Duration.ofMinutes(2));
                if (result != null && result.created() && properties.simulateDays() > 0) {
                    simulate(simulator, properties, clock);
                }
            } catch (RuntimeException e) {
                // demo data is a convenience: the platform runs without it
                log.warn("Demo data not created: {}", e.toString());
            }
        };
    }
}
