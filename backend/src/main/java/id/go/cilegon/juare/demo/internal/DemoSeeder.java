package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.demo.BulkComplaints;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.GeoIndex;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.resident.Nik;
import id.go.cilegon.juare.resident.PhoneNumber;
import io.r2dbc.spi.Parameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes the demo data once: in one transaction under a PostgreSQL advisory lock, so that of two instances
 * starting together one writes and the other then finds the staff account {@code operator} and does nothing.
 * Personal data is stored as sign-in stores it; no WhatsApp message is queued for the made-up history.
 */
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    /** Any constant shared by all instances: "JUAREDMO". */
    static final long LOCK_KEY = 0x4A55415245444D4FL;
    static final String MARKER_USERNAME = "operator";

    /** What one run created; all zero when the data was already there. */
    record Result(int staff, int residents, int complaints, int events, List<String> usernames, List<UUID> residentIds,
                  Map<String, Long> byStatus, long replyOverdue, long fixOverdue, Duration took) {

        static Result nothing() {
            return new Result(0, 0, 0, 0, List.of(), List.of(), Map.of(), 0, 0, Duration.ZERO);
        }

        static Result of(DemoScenario.Plan plan, int events) {
            Map<String, Long> byStatus = plan.complaints().stream()
                    .collect(Collectors.groupingBy(c -> c.status.name(), TreeMap::new, Collectors.counting()));
            long replyOverdue = plan.complaints().stream().filter(c -> c.isAtOpd() && c.firstReplyAt == null && c.replyOverdueAt != null).count();
            long fixOverdue = plan.complaints().stream().filter(c -> c.isAtOpd() && c.fixOverdueAt != null).count();
            return new Result(plan.staff().size(), plan.residents().size(), plan.complaints().size(), events,
                    plan.staff().stream().map(DemoScenario.StaffSpec::username).toList(),
                    plan.residents().stream().map(DemoScenario.ResidentSpec::id).toList(), byStatus, replyOverdue, fixOverdue,
                    Duration.ZERO);
        }

        Result took(Duration elapsed) {
            return new Result(staff, residents, complaints, events, usernames, residentIds, byStatus, replyOverdue, fixOverdue, elapsed);
        }

        boolean created() {
            return staff > 0;
        }
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventLog eventLog;
    private final CityMap cityMap;
    private final AgencyCatalog catalog;
    private final PersonalDataCipher cipher;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final DemoProperties properties;
    private final HistoryWriter writer;

    DemoSeeder(DatabaseClient db, TransactionalOperator tx, EventLog eventLog, CityMap cityMap, AgencyCatalog catalog,
               PersonalDataCipher cipher, PasswordEncoder passwords, Clock clock, DemoProperties properties) {
        this.db = db;
        this.tx = tx;
        this.eventLog = eventLog;
        this.cityMap = cityMap;
        this.catalog = catalog;
        this.cipher = cipher;
        this.passwords = passwords;
        this.clock = clock;
        this.properties = properties;
        this.writer = new HistoryWriter(db, eventLog, cipher);
    }

    /** Creates the demo data unless it is there already. */
    Mono<Result> seed() {
        long started = System.nanoTime();
        return alreadySeeded()
                .flatMap(seeded -> seeded ? Mono.just(Result.nothing()) : prepareAndWrite())
                .map(result -> result.took(since(started)))
                .doOnNext(DemoSeeder::report);
    }

    private Mono<Result> prepareAndWrite() {
        // BCrypt is slow on purpose: one hash for all accounts (they share the demo password), off the event loop
        Mono<String> passwordHash = Mono.fromCallable(() -> passwords.encode(properties.password()))
                .subscribeOn(Schedulers.boundedElastic());
        return Mono.zip(passwordHash, catalog.snapshot(), cityMap.index())
                .flatMap(t -> writeOnce(t.getT1(), t.getT2(), t.getT3()));
    }

    private Mono<Result> writeOnce(String passwordHash, AgencyCatalog.Catalog snapshot, GeoIndex geo) {
        return lock()
                .then(alreadySeeded())
                .flatMap(seeded -> seeded ? Mono.just(Result.nothing()) : planAndWrite(passwordHash, snapshot, geo))
                .as(tx::transactional);
    }

    private Mono<Result> planAndWrite(String passwordHash, AgencyCatalog.Catalog snapshot, GeoIndex geo) {
        return Mono.fromCallable(() -> plan(snapshot, geo))
                .flatMap(plan -> write(plan, passwordHash));
    }

    /** Made after the lock is taken, so that the history ends at the moment it is written. */
    private DemoScenario.Plan plan(AgencyCatalog.Catalog snapshot, GeoIndex geo) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new DemoScenario(properties.seed(), now, snapshot, geo).plan();
    }

    /** Held until the transaction ends; a second instance waits here, then finds the data. */
    private Mono<Void> lock() {
        return db.sql("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", LOCK_KEY)
                .then();
    }

    private Mono<Boolean> alreadySeeded() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM staff WHERE username = :username) AS seeded")
                .bind("username", MARKER_USERNAME)
                .map(row -> Boolean.TRUE.equals(row.get("seeded", Boolean.class)))
                .one();
    }

    private Mono<Result> write(DemoScenario.Plan plan, String passwordHash) {
        List<DemoComplaint.TimedEvent> events = plan.eventsInOrder();
        return insertStaff(plan, passwordHash)
                .then(writer.insertResidents(plan.residents()))
                .then(writer.insertComplaints(plan.complaints()))
                .then(writer.appendEvents(events))
                .then(insertBulk(plan))
                .then(Mono.fromSupplier(() -> Result.of(plan, events.size())));
    }

    /** The load-test complaints on top, if asked for, filed by the first demo resident. */
    private Mono<Void> insertBulk(DemoScenario.Plan plan) {
        if (properties.bulkComplaints() <= 0) {
            return Mono.empty();
        }
        return BulkComplaints.insert(db, properties.bulkComplaints(), plan.residents().getFirst().id())
                .doOnSuccess(done -> log.info("Demo data: {} bulk complaints for load tests added", properties.bulkComplaints()));
    }

    // ---------- rows ----------

    private Mono<Void> insertStaff(DemoScenario.Plan plan, String passwordHash) {
        // the accounts existed before the history began
        Instant created = plan.now().minus(DemoScenario.SPAN).minus(Duration.ofDays(10));
        List<HistoryWriter.Column<DemoScenario.StaffSpec>> columns = List.of(
                new HistoryWriter.Column<>("id", UUID.class, DemoScenario.StaffSpec::id),
                new HistoryWriter.Column<>("username", String.class, DemoScenario.StaffSpec::username),
                new HistoryWriter.Column<>("display_name", String.class, DemoScenario.StaffSpec::displayName),
                new HistoryWriter.Column<>("password_hash", String.class, s -> passwordHash),
                new HistoryWriter.Column<>("role", String.class, s -> s.role().name()),
                new HistoryWriter.Column<>("opd_code", String.class, DemoScenario.StaffSpec::opdCode),
                new HistoryWriter.Column<>("phone_encrypted", byte[].class, s -> s.phone() == null ? null : cipher.encrypt(HistoryWriter.phone(s.phone()).e164())),
                new HistoryWriter.Column<>("phone_masked", String.class, s -> s.phone() == null ? null : HistoryWriter.phone(s.phone()).masked()),
                new HistoryWriter.Column<>("shift", String.class, DemoScenario.StaffSpec::shift),
                new HistoryWriter.Column<>("active", Boolean.class, s -> true),
                new HistoryWriter.Column<>("created_at", Instant.class, s -> created),
                new HistoryWriter.Column<>("updated_at", Instant.class, s -> created));
        return writer.insertAll("staff", columns, plan.staff());
    }

    /** Counts and usernames only: never a NIK or a phone number. */
    private static void report(Result result) {
        if (result.created()) {
            log.info("Demo data created in {} ms: {} staff accounts ({}), {} residents, {} complaints {} with {} events;"
                            + " overdue now: {} replies, {} fixes",
                    result.took().toMillis(), result.staff(), String.join(", ", result.usernames()), result.residents(),
                    result.complaints(), result.byStatus(), result.events(), result.replyOverdue(), result.fixOverdue());
        } else {
            log.info("Demo data already there: nothing created");
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
