package id.go.cilegon.juare.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live ranking's figures from the sums pre-added per OPD and day (V15_43, ADR 0043) equal, figure for figure and
 * the percentiles bit for bit, those aggregated from the assignments on every query (the reference), property-style:
 * random assignments (late replies, token-free ones, resolutions disputed or standing, ratings added late, closures
 * auto or confirmed, verified or not, reroutes ending an assignment, misrouted ones, deadlines after the end), written
 * one and many rows a statement, changed (one row and many at once), deleted, folded now and then; compared at random
 * instants, at instants exactly on a deadline, for periods whose edges fall on WIB midnights that rows were received
 * exactly at (and a microsecond before). The whole shared database is compared too: every other test's assignments,
 * which came through the event log's trigger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingEquivalenceTest extends IntegrationTest {

    private static final long FIRST_ID = 8_700_000_000L;
    private static final List<String> OPDS = List.of("EQ_A", "EQ_B", "EQ_C");
    /** The data's days: June 2023 in WIB; its midnights are 17:00 UTC the day before. */
    private static final LocalDate DAY0 = LocalDate.of(2023, 6, 1);

    @Autowired RankingRepository repository;
    @Autowired RankingTallyCompaction compaction;

    private final Random random = new Random(43);
    private final List<Long> ids = new ArrayList<>();
    private final List<Instant> deadlines = new ArrayList<>();
    private long nextId = FIRST_ID;

    @AfterAll
    void removeRows() {
        sql("DELETE FROM opd_assignment WHERE start_id >= " + FIRST_ID + " AND start_id < " + (FIRST_ID + 1_000_000));
    }

    @Test
    void preAddedFiguresEqualTheDirectOnes() {
        insert(1);
        insert(40);
        compare("after inserts");
        for (int round = 0; round < 12; round++) {
            switch (round % 4) {
                case 0 -> insert(1 + random.nextInt(30));
                case 1 -> update(1);
                case 2 -> update(1 + random.nextInt(25));
                default -> delete(1 + random.nextInt(3));
            }
            insert(1);
            update(1);
            if (round % 3 == 2) {
                compaction.compact().block(Duration.ofSeconds(30));
            }
            compare("round " + round);
        }
        compaction.compact().block(Duration.ofSeconds(30));
        compare("folded");
    }

    @Test
    void theWholeDatabaseToo() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, Period.WIB);
        for (Period period : List.of(Period.days(Period.Kind.TODAY, today, today),
                Period.days(Period.Kind.LAST_30_DAYS, today.minusDays(29), today),
                Period.days(Period.Kind.RANGE, today.minusDays(365), today),
                Period.days(Period.Kind.MONTH, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31)),
                Period.days(Period.Kind.RANGE, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)))) {
            assertEqual(period, now, null, "whole database");
        }
    }

    private void compare(String when) {
        List<Instant> nows = new ArrayList<>();
        nows.add(at(DAY0.plusDays(random.nextInt(45)), random.nextInt(24 * 60)));
        nows.add(at(DAY0.plusDays(random.nextInt(45)), random.nextInt(24 * 60)).plusNanos(1000L * random.nextInt(1_000_000)));
        // exactly on a deadline: "reply_due <= now" decides it
        nows.add(deadlines.get(random.nextInt(deadlines.size())));
        nows.add(deadlines.get(random.nextInt(deadlines.size())).minusNanos(1000));
        nows.add(Instant.parse("2099-01-01T00:00:00Z"));
        nows.add(at(DAY0, 0));
        for (Instant now : nows) {
            int first = random.nextInt(40);
            int length = random.nextInt(12);
            List<Period> periods = List.of(
                    Period.days(Period.Kind.RANGE, DAY0.plusDays(first), DAY0.plusDays(first + length)),
                    Period.days(Period.Kind.TODAY, DAY0.plusDays(first), DAY0.plusDays(first)),
                    Period.days(Period.Kind.RANGE, DAY0.minusDays(5), DAY0.plusDays(50)));
            for (Period period : periods) {
                assertEqual(period, now, null, when);
                assertEqual(period, now, OPDS.get(random.nextInt(OPDS.size())), when);
            }
        }
    }

    private void assertEqual(Period period, Instant now, String opd, String when) {
        Map<String, Figures> direct = repository.figuresDirect(period, now, opd).block(Duration.ofMinutes(1));
        Map<String, Figures> preAdded = repository.figures(period, now, opd).block(Duration.ofMinutes(1));
        assertThat(preAdded).as("%s: %s to %s at %s, OPD %s", when, period.firstDay(), period.lastDay(), now, opd)
                .isEqualTo(direct);
    }

    /** Rows received on the data's days, some exactly at a WIB midnight or a microsecond before one. */
    private void insert(int rows) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            long id = nextId++;
            ids.add(id);
            LocalDate day = DAY0.plusDays(random.nextInt(45));
            Instant received = switch (random.nextInt(6)) {
                case 0 -> at(day, 0);
                case 1 -> at(day, 0).minusNanos(1000);
                default -> at(day, random.nextInt(24 * 60)).plusNanos(1000L * random.nextInt(1_000_000));
            };
            Instant replyDue = received.plus(Duration.ofHours(1 + random.nextInt(48)));
            Instant fixDue = random.nextInt(10) == 0 ? replyDue : replyDue.plus(Duration.ofHours(random.nextInt(96)));
            deadlines.add(replyDue);
            deadlines.add(fixDue);
            values.add("(" + id + ", '" + UUID.randomUUID() + "', '" + OPDS.get(random.nextInt(OPDS.size())) + "', "
                    + ts(received) + ", " + ts(replyDue) + ", " + ts(fixDue) + ", " + changes(received, replyDue, fixDue) + ")");
        }
        sql("INSERT INTO opd_assignment (start_id, complaint_id, opd_code, received_at, reply_due, fix_due, end_id, ended_at,"
                + " misrouted_away, first_reply_at, resolutions, disputes, last_resolved_id, last_disputed_id, last_resolved_at,"
                + " rating, closed, auto_closed, last_closed_id, verified) VALUES " + values);
    }

    private static final String CHANGED_COLUMNS = "(end_id, ended_at, misrouted_away, first_reply_at, resolutions, disputes,"
            + " last_resolved_id, last_disputed_id, last_resolved_at, rating, closed, auto_closed, last_closed_id, verified)";

    /** Everything events change, at random (a reply exactly on its deadline now and then). */
    private String changes(Instant received, Instant replyDue, Instant fixDue) {
        boolean ended = random.nextInt(4) == 0;
        Instant endedAt = ended ? received.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60))) : null;
        if (ended && random.nextInt(5) == 0) {
            endedAt = random.nextBoolean() ? replyDue : fixDue;
        }
        boolean misrouted = ended && random.nextInt(3) == 0;
        Instant firstReply = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> replyDue;
            default -> received.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))).plusNanos(1000L * random.nextInt(1_000_000));
        };
        int resolutions = random.nextInt(3);
        int disputes = resolutions == 0 ? 0 : random.nextInt(3);
        Long lastResolved = resolutions == 0 ? null : 100L + random.nextInt(50);
        Long lastDisputed = disputes == 0 ? null : 100L + random.nextInt(50);
        Instant resolvedAt = resolutions == 0 ? null
                : random.nextInt(5) == 0 ? fixDue : received.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
        Integer rating = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null;
        boolean closed = resolutions > 0 && random.nextBoolean();
        boolean autoClosed = closed && random.nextBoolean();
        boolean verified = autoClosed && random.nextBoolean();
        return (ended ? 9_000_000_000L + random.nextInt(1000) : "NULL") + ", " + ts(endedAt) + ", " + misrouted + ", " + ts(firstReply)
                + ", " + resolutions + ", " + disputes + ", " + (lastResolved == null ? "NULL" : lastResolved) + ", "
                + (lastDisputed == null ? "NULL" : lastDisputed) + ", " + ts(resolvedAt) + ", " + (rating == null ? "NULL" : rating)
                + ", " + closed + ", " + autoClosed + ", " + (closed ? "200" : "NULL") + ", " + verified;
    }

    /** Random rows changed in one statement (a late rating, a dispute, a reroute ending it, ...). */
    private void update(int rows) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows && !ids.isEmpty(); i++) {
            long id = ids.get(random.nextInt(ids.size()));
            Instant received = at(DAY0.plusDays(random.nextInt(45)), random.nextInt(24 * 60));
            Instant due = deadlines.get(random.nextInt(deadlines.size()));
            values.add("(" + id + ", " + changes(received, due, due.plus(Duration.ofHours(random.nextInt(48)))) + ")");
        }
        sql("UPDATE opd_assignment a SET " + CHANGED_COLUMNS + " = (v.end_id::bigint, v.ended_at::timestamptz,"
                + " v.misrouted_away, v.first_reply_at::timestamptz, v.resolutions, v.disputes, v.last_resolved_id::bigint,"
                + " v.last_disputed_id::bigint, v.last_resolved_at::timestamptz, v.rating::integer, v.closed, v.auto_closed,"
                + " v.last_closed_id::bigint, v.verified)"
                + " FROM (VALUES " + values + ") v (start_id, end_id, ended_at, misrouted_away, first_reply_at, resolutions,"
                + " disputes, last_resolved_id, last_disputed_id, last_resolved_at, rating, closed, auto_closed, last_closed_id,"
                + " verified) WHERE a.start_id = v.start_id");
    }

    private void delete(int rows) {
        StringJoiner gone = new StringJoiner(", ");
        for (int i = 0; i < rows && ids.size() > 1; i++) {
            gone.add(String.valueOf(ids.remove(random.nextInt(ids.size()))));
        }
        sql("DELETE FROM opd_assignment WHERE start_id IN (" + gone + ")");
    }

    private static Instant at(LocalDate day, int minute) {
        return day.atStartOfDay(Period.WIB).toInstant().plus(Duration.ofMinutes(minute));
    }

    private static String ts(Instant at) {
        return at == null ? "NULL" : "'" + at + "'::timestamptz";
    }

    private void sql(String statement) {
        db.sql(statement).then().block(Duration.ofMinutes(1));
    }
}
