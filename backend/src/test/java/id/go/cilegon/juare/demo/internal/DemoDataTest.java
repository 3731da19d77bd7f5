package id.go.cilegon.juare.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.Transition;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.StoredEvent;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.GeoIndex;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.resident.Nik;
import id.go.cilegon.juare.resident.PhoneNumber;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The demo data, seeded once per test JVM into the shared database by two seeders at once (two instances
 * starting together). Assertions look only at the rows of the demo's residents and staff.
 */
class DemoDataTest extends IntegrationTest {

    /** At an OPD: the clocks run (docs/lifecycle.md). */
    private static final Set<String> OPEN = Lifecycle.names(Lifecycle.AT_OPD);
    private static final Map<String, String> ROLES = Map.of("operator", "OPERATOR", "operator2", "OPERATOR",
            "operator3", "OPERATOR", "dpupr", "OPD_RESPONDER", "dpupr.kepala", "OPD_HEAD", "dlh", "OPD_RESPONDER",
            "dishub", "OPD_RESPONDER", "walikota", "MAYOR", "diskominfo", "ADMIN");

    private static List<DemoSeeder.Result> concurrentRuns;
    private static DemoSeeder.Result seeded;

    @Autowired TransactionalOperator tx;
    @Autowired EventLog eventLog;
    @Autowired CityMap cityMap;
    @Autowired AgencyCatalog catalog;
    @Autowired PersonalDataCipher cipher;
    @Autowired PasswordEncoder passwords;
    @Autowired Clock appClock;

    /**
     * The demo's "now", 400 days back: its four days of complaints land in no period the other tests of this JVM look
     * at (today, the last 7 or 30 days), so an OPD's figures there are only that test's own.
     */
    private Clock clock() {
        return Clock.offset(appClock, Duration.ofDays(-400));
    }

    private DemoSeeder seeder() {
        return new DemoSeeder(db, tx, eventLog, cityMap, catalog, cipher, passwords, clock(), new DemoProperties(true, null, null, 0, 0, null));
    }

    @BeforeEach
    void seedOnce() {
        if (seeded == null) {
            concurrentRuns = Flux.merge(seeder().seed(), seeder().seed())
                    .collectList()
                    .block(Duration.ofMinutes(2));
            seeded = concurrentRuns.stream().filter(DemoSeeder.Result::created).findFirst().orElseThrow();
        }
    }

    /** The complaint columns the checks need. */
    record Row(UUID id, UUID residentId, String status, String categoryCode, String kecamatanCode, String opdCode, int version,
               Instant createdAt, Instant updatedAt, Instant dispatchedAt, Instant replyDueAt, Instant fixDueAt,
               Instant firstReplyAt, Instant resolvedAt, Instant closedAt, Instant replyOverdueAt, Instant fixOverdueAt,
               Instant transferRequestedAt, String rejectReason, UUID duplicateOf, Integer rating, int reopenCount) {

        static Row of(Readable r) {
            return new Row(r.get("id", UUID.class), r.get("resident_id", UUID.class), r.get("status", String.class),
                    r.get("category_code", String.class), r.get("kecamatan_code", String.class), r.get("opd_code", String.class),
                    r.get("version", Integer.class), r.get("created_at", Instant.class), r.get("updated_at", Instant.class),
                    r.get("dispatched_at", Instant.class), r.get("reply_due_at", Instant.class), r.get("fix_due_at", Instant.class),
                    r.get("first_reply_at", Instant.class), r.get("resolved_at", Instant.class), r.get("closed_at", Instant.class),
                    r.get("reply_overdue_at", Instant.class), r.get("fix_overdue_at", Instant.class),
                    r.get("transfer_requested_at", Instant.class), r.get("reject_reason", String.class),
                    r.get("duplicate_of", UUID.class), r.get("rating", Integer.class), r.get("reopen_count", Integer.class));
        }
    }

    private List<Row> complaints() {
        return db.sql("SELECT * FROM complaint WHERE resident_id = ANY(:residents) ORDER BY created_at")
                .bind("residents", seeded.residentIds().toArray(UUID[]::new))
                .map(Row::of)
                .all()
                .collectList()
                .block();
    }

    private Map<String, UUID> staffIds() {
        return db.sql("SELECT username, id FROM staff WHERE username = ANY(:names)")
                .bind("names", ROLES.keySet().toArray(String[]::new))
                .map(r -> Map.entry(r.get("username", String.class), r.get("id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
    }

    @Test
    void twoInstancesAtOnceCreateTheDataOnceAndAThirdRunCreatesNothing() {
        assertThat(concurrentRuns).hasSize(2);
        assertThat(concurrentRuns).filteredOn(DemoSeeder.Result::created).hasSize(1);
        assertThat(seeded.staff()).isEqualTo(9);
        assertThat(seeded.usernames()).containsExactlyInAnyOrderElementsOf(ROLES.keySet());
        assertThat(seeded.residents()).isEqualTo(30);
        assertThat(seeded.complaints()).isBetween(150, 250);
        assertThat(seeded.took()).isLessThan(Duration.ofSeconds(20));
        assertThat(seeded.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(seeded.complaints());

        DemoSeeder.Result again = seeder().seed().block();
        assertThat(again.created()).isFalse();
        assertThat(again.complaints()).isZero();
        assertThat(complaints()).hasSize(seeded.complaints());
        assertThat(db.sql("SELECT count(*) FROM staff WHERE username = ANY(:names)")
                .bind("names", ROLES.keySet().toArray(String[]::new))
                .map(r -> r.get(0, Long.class)).one().block()).isEqualTo(9L);
        assertThat(db.sql("SELECT count(*) FROM staff WHERE username = 'admin' AND role = 'ADMIN'")
                .map(r -> r.get(0, Long.class)).one().block()).as("the first admin is still there").isEqualTo(1L);
    }

    @Test
    void theDemoAccountsSignInWithTheDemoPassword() {
        Staff staff = new Staff(api());
        ROLES.forEach((username, role) -> staff.login(username, DemoProperties.DEFAULT_PASSWORD)
                .path("login.errors").entityList(Object.class).hasSize(0)
                .path("login.session.accessToken").entity(String.class).satisfies(token -> assertThat(token).isNotBlank())
                .path("login.account.role").entity(String.class).isEqualTo(role));
    }

    @Test
    void residentsAreStoredAsSignInStoresThem() {
        List<Map<String, Object>> residents = db.sql("SELECT * FROM resident WHERE id = ANY(:ids)")
                .bind("ids", seeded.residentIds().toArray(UUID[]::new))
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(residents).hasSize(30);
        for (Map<String, Object> resident : residents) {
            Nik nik = Nik.parse(cipher.decrypt(bytes(resident.get("nik_encrypted")))).orElseThrow();
            PhoneNumber phone = PhoneNumber.parse(cipher.decrypt(bytes(resident.get("phone_encrypted")))).orElseThrow();
            assertThat(nik.digits()).startsWith("3672");
            assertThat(bytes(resident.get("nik_hash"))).isEqualTo(cipher.hash("nik", nik.digits()));
            assertThat(bytes(resident.get("phone_hash"))).isEqualTo(cipher.hash("phone", phone.e164()));
            assertThat(resident.get("nik_masked")).isEqualTo(nik.masked());
            assertThat(resident.get("phone_masked")).isEqualTo(phone.masked());
            assertThat((String) resident.get("name")).isNotBlank();
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return (byte[]) value;
    }

    @Test
    void theStatesAreMixedAsTheirAgeSuggests() {
        List<Row> complaints = complaints();
        Map<String, Long> byStatus = complaints.stream().collect(Collectors.groupingBy(Row::status, TreeMap::new, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys("SUBMITTED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "REOPENED");
        // the intake queue holds the recent ones
        Instant now = clock().instant();
        assertThat(complaints).filteredOn(c -> c.status().equals("SUBMITTED"))
                .allSatisfy(c -> assertThat(c.createdAt()).isAfter(now.minus(Duration.ofHours(24))));
        assertThat(complaints).filteredOn(c -> c.status().equals("CLOSED")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.rating()).isBetween(1, 5));
        assertThat(complaints).filteredOn(c -> "SPAM".equals(c.rejectReason())).isNotEmpty();
        assertThat(complaints).filteredOn(c -> c.duplicateOf() != null).singleElement()
                .satisfies(c -> assertThat(c.rejectReason()).isEqualTo("DUPLICATE"));
        assertThat(complaints).filteredOn(c -> c.transferRequestedAt() != null).isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).isIn(OPEN));
        assertThat(complaints).extracting(Row::kecamatanCode).as("every kecamatan")
                .containsAll(List.of("36.72.01", "36.72.02", "36.72.03", "36.72.04", "36.72.05", "36.72.06", "36.72.07", "36.72.08"));
        assertThat(complaints).allSatisfy(c -> assertThat(c.createdAt()).isAfter(now.minus(DemoScenario.SPAN).minusSeconds(60)));
    }

    @Test
    void someRepliesAndFixesAreOverdueNowAndTheClockJobHasNothingLeftToMark() {
        List<Row> complaints = complaints();
        Instant now = clock().instant();
        List<Row> replyOverdue = complaints.stream()
                .filter(c -> OPEN.contains(c.status()) && c.firstReplyAt() == null && c.replyOverdueAt() != null)
                .toList();
        List<Row> fixOverdue = complaints.stream()
                .filter(c -> OPEN.contains(c.status()) && c.fixOverdueAt() != null)
                .toList();
        assertThat(replyOverdue).isNotEmpty();
        assertThat(fixOverdue).isNotEmpty();
        assertThat(complaints).filteredOn(c -> "DISHUB".equals(c.opdCode()) && c.replyOverdueAt() != null && c.fixOverdueAt() != null)
                .as("Dishub is slow").isNotEmpty();
        // what the clock job would look for (a minute's margin for its run interval) is already marked
        Instant settled = now.minus(Duration.ofMinutes(2));
        assertThat(complaints).filteredOn(c -> c.firstReplyAt() == null && c.replyOverdueAt() == null
                && OPEN.contains(c.status()) && c.replyDueAt().isBefore(settled)).isEmpty();
        assertThat(complaints).filteredOn(c -> c.fixOverdueAt() == null && OPEN.contains(c.status()) && c.fixDueAt().isBefore(settled)).isEmpty();
    }

    @Test
    void noMessageIsQueuedForTheHistory() {
        Long queued = db.sql("SELECT count(*) FROM notification_outbox o JOIN complaint c ON c.id = o.complaint_id"
                        + " WHERE c.resident_id = ANY(:residents)")
                .bind("residents", seeded.residentIds().toArray(UUID[]::new))
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        assertThat(queued).isZero();
    }

    @Test
    void everyHistoryIsALegalLifecycleThatMatchesItsComplaint() {
        List<Row> complaints = complaints();
        Map<UUID, List<StoredEvent>> events = eventLog.ofComplaints(complaints.stream().map(Row::id).toList(), false).block();
        Map<String, Category> categories = catalog.snapshot().block().categories();
        Map<String, UUID> staff = staffIds();
        Set<UUID> operators = Set.of(staff.get("operator"), staff.get("operator2"), staff.get("operator3"));
        Map<String, UUID> responders = Map.of("DPUPR", staff.get("dpupr"), "DLH", staff.get("dlh"), "DISHUB", staff.get("dishub"));

        for (Row complaint : complaints) {
            List<StoredEvent> history = events.get(complaint.id());
            assertThat(history).as("events of %s", complaint.id()).isNotEmpty();
            checkLifecycle(complaint, history);
            checkColumns(complaint, history, categories.get(complaint.categoryCode()));
            checkActors(complaint, history, operators, responders);
        }

        // the log's ids follow time across all the demo's events
        List<StoredEvent> all = events.values().stream().flatMap(List::stream)
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).occurredAt()).isAfterOrEqualTo(all.get(i - 1).occurredAt());
        }
        assertThat(all.getLast().occurredAt()).isBeforeOrEqualTo(clock().instant());
    }

    /** Replays the events: each is allowed by the transition table from the status before it and leaves the status it gives. */
    private static void checkLifecycle(Row complaint, List<StoredEvent> history) {
        assertThat(history.getFirst().type()).isEqualTo(EventType.SUBMITTED);
        assertThat(history.getFirst().status()).isEqualTo("SUBMITTED");
        String status = "SUBMITTED";
        EventType lastChange = EventType.SUBMITTED;
        for (StoredEvent event : history.subList(1, history.size())) {
            String description = complaint.id() + ": " + event.type() + " from " + status;
            Transition transition = Transition.appending(event.type())
                    .orElseThrow(() -> new AssertionError(description + ": submitted twice"));
            ComplaintStatus before = ComplaintStatus.valueOf(status);
            assertThat(transition.allowedFrom(before)).as(description).isTrue();
            assertThat(event.status()).as(description).isEqualTo(transition.after(before).name());
            if (!event.status().equals(status)) {
                lastChange = event.type();
            }
            status = event.status();
        }
        assertThat(history.getLast().status()).as("latest event status of %s", complaint.id()).isEqualTo(complaint.status());
        if (complaint.status().equals("CLOSED")) {
            assertThat(lastChange).isIn(EventType.CONFIRMED, EventType.AUTO_CLOSED);
        }
        if (complaint.status().equals("REJECTED")) {
            assertThat(lastChange).isIn(EventType.REJECTED, EventType.MARKED_DUPLICATE);
        }
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).occurredAt()).isAfterOrEqualTo(history.get(i - 1).occurredAt());
        }
    }

    /** The columns say what the events say, as LifecycleService writes them. */
    private static void checkColumns(Row c, List<StoredEvent> history, Category category) {
        Function<EventType, Instant> last = type -> history.stream().filter(e -> e.type() == type)
                .map(StoredEvent::occurredAt).reduce((a, b) -> b).orElse(null);
        Instant dispatched = last.apply(EventType.DISPATCHED);
        assertThat(c.createdAt()).isEqualTo(history.getFirst().occurredAt());
        assertThat(c.dispatchedAt()).isEqualTo(dispatched);
        if (dispatched != null) {
            assertThat(c.replyDueAt()).isEqualTo(dispatched.plus(Duration.ofHours(category.replyHours())));
            // one deadline per assignment (ADR 0022): a dispute does not move it
            assertThat(c.fixDueAt()).isEqualTo(dispatched.plus(Duration.ofHours(category.fixHours())));
        } else {
            assertThat(c.replyDueAt()).isNull();
            assertThat(c.fixDueAt()).isNull();
            assertThat(c.opdCode()).isNull();
        }
        Instant firstAnswer = history.stream().filter(e -> e.type() == EventType.REPLIED || e.type() == EventType.RESOLVED)
                .map(StoredEvent::occurredAt).findFirst().orElse(null);
        assertThat(c.firstReplyAt()).isEqualTo(firstAnswer);
        Instant resolved = last.apply(EventType.RESOLVED);
        assertThat(c.resolvedAt()).isEqualTo(Set.of("RESOLVED", "CLOSED").contains(c.status()) ? resolved : null);
        Instant replyOverdue = last.apply(EventType.REPLY_OVERDUE);
        assertThat(c.replyOverdueAt()).isEqualTo(replyOverdue);
        if (replyOverdue != null) {
            assertThat(replyOverdue).isAfterOrEqualTo(c.replyDueAt());
        }
        Instant fixOverdue = last.apply(EventType.FIX_OVERDUE);
        // a dispute keeps the deadline and its breach mark: marked once per assignment
        assertThat(c.fixOverdueAt()).isEqualTo(fixOverdue);
        assertThat(history.stream().filter(e -> e.type() == EventType.FIX_OVERDUE).count()).isLessThanOrEqualTo(1);
        if (c.fixOverdueAt() != null) {
            assertThat(c.fixOverdueAt()).isAfterOrEqualTo(c.fixDueAt());
        }
        Instant transfer = last.apply(EventType.TRANSFER_REQUESTED);
        assertThat(c.transferRequestedAt()).isEqualTo(resolved != null ? null : transfer);
        Instant closed = history.stream().filter(e -> EnumSet.of(EventType.REJECTED, EventType.MARKED_DUPLICATE,
                EventType.CONFIRMED, EventType.AUTO_CLOSED).contains(e.type())).map(StoredEvent::occurredAt).findFirst().orElse(null);
        assertThat(c.closedAt()).isEqualTo(closed);
        history.stream().filter(e -> e.type() == EventType.CONFIRMED).findFirst()
                .ifPresent(e -> assertThat(e.payload().get("rating")).isEqualTo(c.rating()));
        assertThat(c.reopenCount()).isEqualTo((int) history.stream().filter(e -> e.type() == EventType.DISPUTED).count());
        // every transition by a person moves the version; clock marks and notes do not
        Set<EventType> unversioned = EnumSet.of(EventType.SUBMITTED, EventType.REPLY_OVERDUE, EventType.FIX_OVERDUE, EventType.INTERNAL_NOTE);
        assertThat(c.version()).isEqualTo((int) history.stream().filter(e -> !unversioned.contains(e.type())).count());
        Instant lastChange = history.stream().filter(e -> e.type() != EventType.INTERNAL_NOTE)
                .map(StoredEvent::occurredAt).reduce((a, b) -> b).orElseThrow();
        assertThat(c.updatedAt()).isEqualTo(lastChange);
    }

    private static void checkActors(Row c, List<StoredEvent> history, Set<UUID> operators, Map<String, UUID> responders) {
        for (StoredEvent e : history) {
            String description = c.id() + ": " + e.type();
            assertThat(e.residentId()).as(description).isEqualTo(c.residentId());
            assertThat(e.kecamatanCode()).as(description).isEqualTo(c.kecamatanCode());
            assertThat(e.categoryCode()).as(description).isEqualTo(c.categoryCode());
            boolean dispatchedYet = c.dispatchedAt() != null && !e.occurredAt().isBefore(c.dispatchedAt()) && e.type() != EventType.SUBMITTED;
            assertThat(e.opdCode()).as(description).isEqualTo(dispatchedYet ? c.opdCode() : null);
            switch (e.type()) {
                case SUBMITTED, CONFIRMED, DISPUTED -> {
                    assertThat(e.actorType()).as(description).isEqualTo(ActorType.RESIDENT);
                    assertThat(e.actorId()).as(description).isEqualTo(c.residentId());
                }
                case DISPATCHED, REJECTED, MARKED_DUPLICATE, INTERNAL_NOTE -> {
                    assertThat(e.actorType()).as(description).isEqualTo(ActorType.STAFF);
                    assertThat(e.actorId()).as(description).isIn(operators);
                }
                case REPLIED, RESOLVED, TRANSFER_REQUESTED -> {
                    assertThat(e.actorType()).as(description).isEqualTo(ActorType.STAFF);
                    assertThat(e.actorId()).as(description).isEqualTo(responders.get(c.opdCode()));
                }
                case REPLY_OVERDUE, FIX_OVERDUE, AUTO_CLOSED -> {
                    assertThat(e.actorType()).as(description).isEqualTo(ActorType.SYSTEM);
                    assertThat(e.actorId()).as(description).isNull();
                }
                default -> throw new AssertionError(description + ": not expected in demo data");
            }
            boolean staffOnly = EnumSet.of(EventType.REPLY_OVERDUE, EventType.FIX_OVERDUE, EventType.INTERNAL_NOTE,
                    EventType.TRANSFER_REQUESTED).contains(e.type());
            assertThat(e.visibleToResident()).as(description).isEqualTo(!staffOnly);
            // what people read; a confirmation without a comment has only its rating
            if (e.visibleToResident() && e.type() != EventType.SUBMITTED && e.type() != EventType.CONFIRMED) {
                assertThat(e.message()).as(description).isNotBlank();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndEveryPlaceIsInItsKelurahan() {
        AgencyCatalog.Catalog snapshot = catalog.snapshot().block();
        GeoIndex geo = cityMap.index().block();
        Instant now = clock().instant().truncatedTo(ChronoUnit.MICROS);
        DemoScenario.Plan one = new DemoScenario(2026, now, snapshot, geo).plan();
        DemoScenario.Plan two = new DemoScenario(2026, now, snapshot, geo).plan();
        DemoScenario.Plan other = new DemoScenario(7, now, snapshot, geo).plan();

        assertThat(summary(two)).isEqualTo(summary(one));
        assertThat(summary(other)).isNotEqualTo(summary(one));
        assertThat(two.residents()).isEqualTo(one.residents());
        for (DemoComplaint c : one.complaints()) {
            assertThat(geo.locate(c.lat, c.lng)).hasValueSatisfying(area -> assertThat(area.kelurahan().code()).isEqualTo(c.kelurahanCode));
            assertThat(c.trackingNumber).matches("[23456789ABCDEFGHJKMNPQRSTWXYZ]{3}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}");
            assertThat(c.description.length()).isBetween(10, 2000);
        }
        for (DemoScenario.ResidentSpec r : one.residents()) {
            assertThat(Nik.parse(r.nik())).isPresent();
            assertThat(PhoneNumber.parse(r.phone())).isPresent();
        }
    }

    private static List<String> summary(DemoScenario.Plan plan) {
        List<String> lines = new ArrayList<>();
        for (DemoComplaint c : plan.complaints()) {
            lines.add(c.id + " " + c.trackingNumber + " " + c.status + " " + c.description + " "
                    + c.events().stream().map(e -> e.event().type() + "@" + e.at()).toList());
        }
        return lines;
    }
}
