package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.support.RandomPicks;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.OverdueFilter;
import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * complaintCounts from its summaries (V15_1, ADR 0037) equals the count over the complaint rows, and the ranking's
 * open complaints (V15_2) equal the condition it used to check per query: property-style, over random complaints
 * inserted, updated and deleted by raw SQL (single rows and many at once, folded now and then), random filters
 * (lists, periods at any instant or at WIB midnights, statuses) and random scopes (everything, one OPD's staff).
 * Compared over the whole shared database, so every other test's complaints are checked too; a background job
 * (auto-close) may change a complaint between the two queries, so a difference is asked again before it counts.
 */
class ComplaintCountsSummaryTest extends IntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final List<String> STATUSES =
            java.util.Arrays.stream(ComplaintStatus.values()).map(ComplaintStatus::name).toList();

    @Autowired ComplaintCountsRepository counts;
    @Autowired ComplaintTallyCompaction compaction;
    @Autowired PersonalDataCipher cipher;
    @Autowired ComplaintSimulator simulator;

    private final Random random = new Random(20261206L);
    private List<String[]> places;
    private List<String> categories;
    private List<String> opds;
    private UUID resident;
    private Instant now;

    @Test
    void theSummariesAnswerExactlyWhatTheComplaintRowsAnswer() {
        now = Instant.now();
        resident = Seed.with(db, cipher).residentId();
        places = db.sql("SELECT kecamatan_code, code FROM kelurahan ORDER BY code")
                .map(row -> new String[] {row.get(0, String.class), row.get(1, String.class)}).all().collectList().block();
        categories = db.sql("SELECT code FROM category ORDER BY code").map(row -> row.get(0, String.class)).all()
                .collectList().block();
        opds = db.sql("SELECT code FROM opd ORDER BY code").map(row -> row.get(0, String.class)).all().collectList().block();

        List<UUID> mine = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            // one statement of many rows, and a few single ones
            mine.addAll(insert(40));
            for (int i = 0; i < 5; i++) {
                mine.addAll(insert(1));
            }
            mutate(mine);
            if (round % 2 == 1) {
                compaction.compact().block();
            }
            compareRandomScopes(25);
        }
        compaction.compact().block();
        compareRandomScopes(50);
        assertThat(deltaRows()).isZero();
    }

    /**
     * The random rows break the lifecycle on purpose (at an OPD without one, overdue with no assignment): other tests
     * share this database and its clock job would act on them, so they go, through the same triggers.
     */
    @AfterEach
    void removeTheRandomComplaints() {
        db.sql("DELETE FROM complaint WHERE tracking_number LIKE 'SUM-%'").then().block();
        compaction.compact().block();
    }

    @Test
    void theOpenComplaintsKeptPerChangeAreTheOnesTheRankingCheckedPerQuery() {
        // dispatches, reroutes, replies, resolutions through events: the assignments' trigger and the complaints'
        // (March 2019, which no other test uses; what was open at the simulation's end stays open)
        simulator.simulate(20190301L, LocalDate.of(2019, 3, 1), 6, 12, Instant.parse("2019-03-09T00:00:00Z"))
                .block(Duration.ofMinutes(2));
        assertThat(openDifferences()).isZero();
        assertThat(count("SELECT count(*) FROM opd_open_complaint")).isPositive();
        // clocks and states changed without events (as tests and load data do)
        db.sql("""
                        UPDATE complaint SET reply_due_at = reply_due_at - interval '3 days', first_reply_at = NULL
                        WHERE id IN (SELECT complaint_id FROM opd_open_complaint ORDER BY complaint_id LIMIT 5)""")
                .then().block();
        db.sql("""
                        UPDATE complaint SET status = 'RESOLVED'
                        WHERE id IN (SELECT complaint_id FROM opd_open_complaint ORDER BY complaint_id DESC LIMIT 3)""")
                .then().block();
        assertThat(openDifferences()).isZero();
        // a rebuild of the assignments' summary (a changed reply threshold) deletes and refills it
        db.sql("SELECT opd_assignment_rebuild(16)").then().block();
        db.sql("SELECT opd_assignment_rebuild(15)").then().block();
        assertThat(openDifferences()).isZero();

        // the refresh's two ways (V15_47): up to 100 ids one by one, more in one statement; each mends a spoiled set
        List<UUID> ids = db.sql("""
                        (SELECT complaint_id FROM opd_open_complaint)
                        UNION (SELECT id FROM complaint WHERE id NOT IN (SELECT complaint_id FROM opd_open_complaint) ORDER BY id LIMIT 5)""")
                .map(row -> row.get(0, UUID.class)).all().collectList().block();
        spoilOpenSet();
        assertThat(openDifferences()).isPositive();
        for (int from = 0; from < ids.size(); from += 7) {
            refresh(ids.subList(from, Math.min(ids.size(), from + 7)));
        }
        assertThat(openDifferences()).isZero();
        spoilOpenSet();
        List<UUID> many = new ArrayList<>(ids);
        for (int i = 0; i < 101; i++) {
            many.add(UUID.randomUUID());
        }
        refresh(many);
        assertThat(openDifferences()).isZero();
    }

    /** A kept set that is wrong every way: rows missing, rows with another OPD and deadline, rows not open at all. */
    private void spoilOpenSet() {
        db.sql("DELETE FROM opd_open_complaint WHERE complaint_id IN"
                + " (SELECT complaint_id FROM opd_open_complaint ORDER BY complaint_id LIMIT 2)").then().block();
        db.sql("UPDATE opd_open_complaint SET opd_code = 'BUKAN', overdue_at = overdue_at + interval '1 hour'").then().block();
        db.sql("INSERT INTO opd_open_complaint (complaint_id, opd_code, overdue_at) SELECT id, 'BUKAN', now() FROM complaint"
                + " WHERE id NOT IN (SELECT complaint_id FROM opd_open_complaint) ORDER BY id LIMIT 3").then().block();
    }

    private void refresh(List<UUID> ids) {
        db.sql("SELECT opd_open_refresh(:ids)").bind("ids", ids.toArray(UUID[]::new)).then().block();
    }

    /** Complaints in the set and not open by the ranking's former condition, and the other way round. */
    private long openDifferences() {
        String kept = "SELECT complaint_id, opd_code, overdue_at FROM opd_open_complaint";
        String condition = """
                SELECT c.id, c.opd_code, least(CASE WHEN c.first_reply_at IS NULL THEN c.reply_due_at END, c.fix_due_at)
                FROM complaint c
                WHERE c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED') AND c.opd_code IS NOT NULL
                  AND (SELECT true FROM opd_assignment r WHERE r.complaint_id = c.id AND r.end_id IS NULL LIMIT 1)""";
        return count("SELECT count(*) FROM ((" + kept + " EXCEPT ALL " + condition + ") UNION ALL (" + condition
                + " EXCEPT ALL " + kept + ")) d");
    }

    private long deltaRows() {
        return count("SELECT (SELECT count(*) FROM complaint_tally WHERE NOT compacted)"
                + " + (SELECT count(*) FROM complaint_due_tally WHERE NOT compacted)");
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private void compareRandomScopes(int times) {
        for (int i = 0; i < times; i++) {
            ComplaintFilter filter = randomFilter();
            Caller caller = random.nextInt(3) == 0
                    ? new Caller(Caller.Kind.STAFF, UUID.randomUUID(), Set.of("OPD_RESPONDER"), pick(opds))
                    : new Caller(Caller.Kind.STAFF, UUID.randomUUID(), Set.of("OPERATOR"), null);
            Instant at = random.nextInt(4) == 0 ? Instant.now().plus(random.nextInt(72), ChronoUnit.HOURS) : Instant.now();
            ComplaintScope scope = ComplaintScope.of(caller, filter, at);
            Supplier<List<String>> summary = () -> rows(counts.countRows(scope, at).collectList().block());
            Supplier<List<String>> direct = () -> rows(counts.countRowsDirect(scope, at).collectList().block());
            List<String> expected = direct.get();
            List<String> actual = summary.get();
            for (int retry = 0; retry < 3 && !actual.equals(expected); retry++) {
                expected = direct.get();
                actual = summary.get();
            }
            assertThat(actual).as("%s as %s at %s", filter, caller, at).isEqualTo(expected);
        }
    }

    private static List<String> rows(List<ComplaintCountsRepository.CountRow> rows) {
        return rows.stream().map(Record::toString).sorted(Comparator.naturalOrder()).toList();
    }

    private ComplaintFilter randomFilter() {
        List<String> opdCodes = random.nextInt(3) == 0 ? some(opds) : null;
        List<String> kecamatan = random.nextInt(3) == 0
                ? some(places.stream().map(p -> p[0]).distinct().toList()) : null;
        List<String> cats = random.nextInt(3) == 0 ? some(categories) : null;
        List<ComplaintStatus> statuses = random.nextInt(3) == 0
                ? some(STATUSES).stream().map(ComplaintStatus::valueOf).toList() : null;
        Instant from = null;
        Instant to = null;
        switch (random.nextInt(5)) {
            case 0 -> from = randomInstant();
            case 1 -> to = randomInstant();
            case 2 -> {
                from = randomInstant();
                to = from.plus(1 + random.nextInt(24 * 20), ChronoUnit.HOURS).plusSeconds(random.nextInt(3600));
            }
            case 3 -> {
                // whole WIB days, as the dashboard's "today", "7 days", "30 days" ask
                LocalDate day = LocalDate.now(WIB).minusDays(random.nextInt(40));
                from = day.atStartOfDay(WIB).toInstant();
                to = random.nextBoolean() ? null : day.plusDays(1 + random.nextInt(10)).atStartOfDay(WIB).toInstant();
            }
            default -> {
            }
        }
        OverdueFilter overdue = random.nextInt(4) == 0 ? OverdueFilter.values()[random.nextInt(3)] : null;
        return new ComplaintFilter(opdCodes, kecamatan, cats, statuses, from, to, overdue);
    }

    private Instant randomInstant() {
        return now.minus(random.nextInt(45 * 24 * 60), ChronoUnit.MINUTES).plusMillis(random.nextInt(60_000));
    }

    private <T> List<T> some(List<T> values) {
        return RandomPicks.some(random, values);
    }

    private <T> T pick(List<T> values) {
        return RandomPicks.pick(random, values);
    }

    /** Deadlines today before and after now, on earlier days, in the coming days; or none. */
    private Instant randomDeadline() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> now.minus(random.nextInt(6 * 60), ChronoUnit.MINUTES);
            case 2 -> now.plus(random.nextInt(6 * 60), ChronoUnit.MINUTES);
            case 3 -> now.minus(random.nextInt(10 * 24 * 60), ChronoUnit.MINUTES);
            default -> now.plus(random.nextInt(4 * 24 * 60), ChronoUnit.MINUTES);
        };
    }

    private String literal(Instant at) {
        return at == null ? "NULL" : "TIMESTAMPTZ '" + at + "'";
    }

    /** n complaints in one INSERT. */
    private List<UUID> insert(int n) {
        List<UUID> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String status = pick(STATUSES);
            String opd = status.equals("SUBMITTED") || random.nextInt(8) == 0 ? "NULL" : "'" + pick(opds) + "'";
            String[] place = pick(places);
            Instant created = random.nextInt(8) == 0
                    ? now.minus(random.nextInt(12 * 60), ChronoUnit.MINUTES)
                    : now.minus(random.nextInt(45 * 24 * 60), ChronoUnit.MINUTES);
            values.add("('%s', 'SUM-%s', '%s', '%s', '%s', 'Uji ringkasan hitungan', -6.0, 106.0, '%s', '%s', false, '%s', %s, %s, %s, %s, %s, %s)"
                    .formatted(id, id, resident, id, pick(categories), place[0], place[1], status, opd, literal(created),
                            literal(created), literal(randomDeadline()), literal(randomDeadline()),
                            random.nextBoolean() ? "NULL" : literal(created.plusSeconds(600))));
        }
        db.sql("""
                        INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, description,
                                               lat, lng, kecamatan_code, kelurahan_code, confidential, status, opd_code,
                                               created_at, updated_at, reply_due_at, fix_due_at, first_reply_at)
                        VALUES """ + String.join(",\n", values))
                .then().block();
        return ids;
    }

    /** Random changes to some of this test's complaints: one row at a time, many at once, and deletions. */
    private void mutate(List<UUID> mine) {
        for (int i = 0; i < 15; i++) {
            UUID id = pick(mine);
            String change = switch (random.nextInt(6)) {
                case 0 -> "status = '" + pick(STATUSES) + "'";
                case 1 -> "opd_code = " + (random.nextBoolean() ? "NULL" : "'" + pick(opds) + "'");
                case 2 -> "reply_due_at = " + literal(randomDeadline()) + ", fix_due_at = " + literal(randomDeadline());
                case 3 -> "first_reply_at = " + (random.nextBoolean() ? "NULL" : literal(now.minusSeconds(60)));
                case 4 -> "category_code = '" + pick(categories) + "', kecamatan_code = '" + pick(places)[0] + "'";
                default -> "updated_at = now()";
            };
            db.sql("UPDATE complaint SET " + change + " WHERE id = '" + id + "'").then().block();
        }
        // many rows in one statement, some of them to the same key
        db.sql("UPDATE complaint SET status = CASE WHEN random() < 0.5 THEN 'IN_PROGRESS' ELSE 'CLOSED' END, "
                        + "fix_due_at = fix_due_at - interval '1 day' WHERE resident_id = '" + resident
                        + "' AND random() < 0.3")
                .then().block();
        UUID gone = mine.remove(random.nextInt(mine.size()));
        db.sql("DELETE FROM complaint WHERE id = '" + gone + "'").then().block();
    }
}
