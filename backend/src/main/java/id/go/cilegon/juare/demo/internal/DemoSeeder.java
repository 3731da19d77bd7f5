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
    /** Rows per multi-row INSERT: one round trip each, well under PostgreSQL's bind parameter limit. */
    private static final int ROWS_PER_INSERT = 100;

    /** What one run created; all zero when the data was already there. */
    record Result(int staff, int residents, int complaints, int events, List<String> usernames, List<UUID> residentIds,
                  Map<String, Long> byStatus, long replyOverdue, long fixOverdue, Duration took) {

        static Result nothing() {
            return new Result(0, 0, 0, 0, List.of(), List.of(), Map.of(), 0, 0, Duration.ZERO);
        }

        static Result of(DemoScenario.Plan plan, int events) {
            Map<String, Long> byStatus = plan.complaints().stream()
                    .collect(Collectors.groupingBy(c -> c.status.name(), TreeMap::new, Collectors.counting()));
            long replyOverdue = plan.complaints().stream().filter(c -> c.isOpen() && c.firstReplyAt == null && c.replyOverdueAt != null).count();
            long fixOverdue = plan.complaints().stream().filter(c -> c.isOpen() && c.fixOverdueAt != null).count();
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
                .then(insertResidents(plan))
                .then(insertComplaints(plan))
                .then(appendEvents(events))
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
        List<Column<DemoScenario.StaffSpec>> columns = List.of(
                new Column<>("id", UUID.class, DemoScenario.StaffSpec::id),
                new Column<>("username", String.class, DemoScenario.StaffSpec::username),
                new Column<>("display_name", String.class, DemoScenario.StaffSpec::displayName),
                new Column<>("password_hash", String.class, s -> passwordHash),
                new Column<>("role", String.class, s -> s.role().name()),
                new Column<>("opd_code", String.class, DemoScenario.StaffSpec::opdCode),
                new Column<>("phone_encrypted", byte[].class, s -> s.phone() == null ? null : cipher.encrypt(phone(s.phone()).e164())),
                new Column<>("phone_masked", String.class, s -> s.phone() == null ? null : phone(s.phone()).masked()),
                new Column<>("shift", String.class, DemoScenario.StaffSpec::shift),
                new Column<>("active", Boolean.class, s -> true),
                new Column<>("created_at", Instant.class, s -> created),
                new Column<>("updated_at", Instant.class, s -> created));
        return insertAll("staff", columns, plan.staff());
    }

    /** As sign-in stores a resident (OtpService): ciphertext, keyed hashes "nik" and "phone", masked forms. */
    private Mono<Void> insertResidents(DemoScenario.Plan plan) {
        List<Column<DemoScenario.ResidentSpec>> columns = List.of(
                new Column<>("id", UUID.class, DemoScenario.ResidentSpec::id),
                new Column<>("nik_hash", byte[].class, r -> cipher.hash("nik", nik(r.nik()).digits())),
                new Column<>("nik_encrypted", byte[].class, r -> cipher.encrypt(nik(r.nik()).digits())),
                new Column<>("nik_masked", String.class, r -> nik(r.nik()).masked()),
                new Column<>("phone_hash", byte[].class, r -> cipher.hash("phone", phone(r.phone()).e164())),
                new Column<>("phone_encrypted", byte[].class, r -> cipher.encrypt(phone(r.phone()).e164())),
                new Column<>("phone_masked", String.class, r -> phone(r.phone()).masked()),
                new Column<>("name", String.class, DemoScenario.ResidentSpec::name),
                new Column<>("created_at", Instant.class, DemoScenario.ResidentSpec::createdAt),
                new Column<>("updated_at", Instant.class, DemoScenario.ResidentSpec::createdAt));
        return insertAll("resident", columns, plan.residents());
    }

    /** Each complaint in its final state; ordered by creation, so an original comes before its duplicate. */
    private Mono<Void> insertComplaints(DemoScenario.Plan plan) {
        List<Column<DemoComplaint>> columns = List.of(
                new Column<>("id", UUID.class, c -> c.id),
                new Column<>("tracking_number", String.class, c -> c.trackingNumber),
                new Column<>("resident_id", UUID.class, c -> c.residentId),
                new Column<>("client_request_id", String.class, c -> c.clientRequestId),
                new Column<>("category_code", String.class, c -> c.categoryCode),
                new Column<>("title", String.class, c -> c.title),
                new Column<>("description", String.class, c -> c.description),
                new Column<>("lat", Double.class, c -> c.lat),
                new Column<>("lng", Double.class, c -> c.lng),
                new Column<>("kecamatan_code", String.class, c -> c.kecamatanCode),
                new Column<>("kelurahan_code", String.class, c -> c.kelurahanCode),
                new Column<>("address_text", String.class, c -> c.addressText),
                new Column<>("confidential", Boolean.class, c -> c.confidential),
                new Column<>("status", String.class, c -> c.status.name()),
                new Column<>("opd_code", String.class, c -> c.opdCode),
                new Column<>("version", Integer.class, c -> c.version),
                new Column<>("created_at", Instant.class, c -> c.createdAt),
                new Column<>("updated_at", Instant.class, c -> c.updatedAt),
                new Column<>("dispatched_at", Instant.class, c -> c.dispatchedAt),
                new Column<>("reply_due_at", Instant.class, c -> c.replyDueAt),
                new Column<>("fix_due_at", Instant.class, c -> c.fixDueAt),
                new Column<>("first_reply_at", Instant.class, c -> c.firstReplyAt),
                new Column<>("resolved_at", Instant.class, c -> c.resolvedAt),
                new Column<>("closed_at", Instant.class, c -> c.closedAt),
                new Column<>("reply_overdue_at", Instant.class, c -> c.replyOverdueAt),
                new Column<>("fix_overdue_at", Instant.class, c -> c.fixOverdueAt),
                new Column<>("transfer_requested_at", Instant.class, c -> c.transferRequestedAt),
                new Column<>("transfer_reason", String.class, c -> c.transferReason),
                new Column<>("reject_reason", String.class, c -> c.rejectReason),
                new Column<>("duplicate_of", UUID.class, c -> c.duplicateOf),
                new Column<>("rating", Short.class, c -> c.rating),
                new Column<>("resident_comment", String.class, c -> c.residentComment),
                new Column<>("reopen_count", Integer.class, c -> c.reopenCount),
                new Column<>("auto_closed", Boolean.class, c -> c.autoClosed));
        return insertAll("complaint", columns, plan.complaints());
    }

    /** Through the event log, oldest first: the log's ids follow time. */
    private Mono<Void> appendEvents(List<DemoComplaint.TimedEvent> events) {
        List<EventLog.PastEvent> past = events.stream()
                .map(timed -> new EventLog.PastEvent(timed.event(), timed.at()))
                .toList();
        return eventLog.appendAllAt(past);
    }

    private record Column<R>(String name, Class<?> type, Function<R, Object> value) {
    }

    private <R> Mono<Void> insertAll(String table, List<Column<R>> columns, List<R> rows) {
        return Flux.range(0, (rows.size() + ROWS_PER_INSERT - 1) / ROWS_PER_INSERT)
                .concatMap(chunk -> insertChunk(table, columns,
                        rows.subList(chunk * ROWS_PER_INSERT, Math.min(rows.size(), (chunk + 1) * ROWS_PER_INSERT))))
                .then();
    }

    /** One multi-row INSERT; column names come from code only. */
    private <R> Mono<Void> insertChunk(String table, List<Column<R>> columns, List<R> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns.stream().map(Column::name).toList()))
                .append(") VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            sql.append(i == 0 ? "(" : ", (")
                    .append(String.join(", ", columns.stream().map(c -> ":" + c.name() + "_" + row).toList()))
                    .append(")");
        }
        // bound all at once: binding one by one copies the bindings each time
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (Column<R> column : columns) {
                Object value = column.value().apply(rows.get(i));
                values.put(column.name() + "_" + i, value == null ? Parameters.in(column.type()) : value);
            }
        }
        return db.sql(sql.toString())
                .bindValues(values)
                .then();
    }

    private static Nik nik(String digits) {
        return Nik.parse(digits).orElseThrow(() -> new IllegalStateException("demo NIK not valid"));
    }

    private static PhoneNumber phone(String local) {
        return PhoneNumber.parse(local).orElseThrow(() -> new IllegalStateException("demo phone number not valid"));
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
