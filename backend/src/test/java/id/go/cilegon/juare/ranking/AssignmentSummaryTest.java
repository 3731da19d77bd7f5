package id.go.cilegon.juare.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The summary of assignments that the live ranking reads (opd_assignment, kept by a trigger event by event) equals
 * the assignments derived from the whole event log at once (opd_assignment_from_log, the reference definition that
 * the ranking as of an instant uses): after a simulated month (multi-row inserts, reroutes, disputes, closures),
 * hand-written edge cases inserted by raw SQL, and a change of the "real reply" threshold. Compared over the whole
 * table, so every other test's events are checked too. September 2018, which no other test uses.
 */
class AssignmentSummaryTest extends IntegrationTest {

    private static final String COLUMNS = """
            start_id, complaint_id, opd_code, received_at, reply_due, fix_due, end_id, ended_at, misrouted_away,
            first_reply_at, resolutions, disputes, last_resolved_id, last_disputed_id, last_resolved_at, resolved_at,
            rating, closed, auto_closed, last_closed_id, verified""";
    private static final String TWENTY_LETTERS = "Segera kami tinjau ya";

    @Autowired ComplaintSimulator simulator;
    @Autowired PersonalDataCipher cipher;

    /** Rows in one and not the other, both ways. */
    private long differences(int minReply) {
        String log = "SELECT " + COLUMNS + " FROM opd_assignment_from_log('infinity', " + minReply + ")";
        String summary = "SELECT " + COLUMNS + " FROM opd_assignment";
        return db.sql("SELECT count(*) FROM ((" + summary + " EXCEPT ALL " + log + ") UNION ALL (" + log + " EXCEPT ALL "
                        + summary + ")) d")
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private Instant firstReply(UUID complaint) {
        return db.sql("SELECT first_reply_at FROM opd_assignment WHERE complaint_id = :id")
                .bind("id", complaint)
                // a row mapped to null is an error: wrapped
                .map(row -> Optional.ofNullable(row.get("first_reply_at", Instant.class)))
                .one()
                .block()
                .orElse(null);
    }

    private boolean rebuild(int minReply) {
        return db.sql("SELECT opd_assignment_rebuild(" + minReply + ")").map(row -> row.get(0, Boolean.class)).one().block();
    }

    @Test
    void theSummaryEqualsTheAssignmentsDerivedFromTheLog() {
        ComplaintSimulator.Simulation run = simulator.simulate(20180901L, LocalDate.of(2018, 9, 1), 30, 15,
                Instant.parse("2018-12-31T00:00:00Z")).block(Duration.ofMinutes(2));
        assertThat(run.events()).isGreaterThan(1000);

        History history = new History(Seed.with(db, cipher));
        Instant t = Instant.parse("2018-09-20T02:00:00Z");
        // dispatched twice without a reroute: the events after the second belong to both, as the log reads them
        history.story(t, "CLOSED", "DLH").row(t.plusSeconds(86_400), t.plusSeconds(259_200), null)
                .dispatched("DPUPR", t).dispatched("DLH", t.plusSeconds(600)).replied(t.plusSeconds(1200), "ok")
                .resolved(t.plusSeconds(3600), "Sudah dibersihkan oleh petugas kebersihan.").confirmed(t.plusSeconds(7200), 4);
        // misrouted away, then not misrouted, disputed twice, a token reply, closed by the system
        history.story(t, "CLOSED", "DISHUB").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(9000))
                .dispatched("DPUPR", t).replied(t.plusSeconds(60), "siap").rerouted("DLH", true, t.plusSeconds(3600))
                .rerouted("DISHUB", false, t.plusSeconds(7200)).replied(t.plusSeconds(9000), TWENTY_LETTERS)
                .resolved(t.plusSeconds(10_000), "Rambu sudah dipasang kembali.").disputed(t.plusSeconds(20_000))
                .resolved(t.plusSeconds(30_000), "Rambu sudah dipasang dengan benar.").disputed(t.plusSeconds(40_000))
                .resolved(t.plusSeconds(50_000), "Rambu sudah diganti yang baru.").autoClosed(t.plusSeconds(900_000));
        // verified fixes (ADR 0021): an auto-closure rejected by an operator (a dispute), resolved again, closed by itself
        // again and verified; another verified at once; a third confirmed by the resident after a rejection
        history.story(t, "CLOSED", "DPUPR").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(600))
                .dispatched("DPUPR", t).replied(t.plusSeconds(600), TWENTY_LETTERS)
                .resolved(t.plusSeconds(3600), "Lubang sudah ditambal aspal.").autoClosed(t.plusSeconds(500_000))
                .fixRejected(t.plusSeconds(510_000)).resolved(t.plusSeconds(520_000), "Lubang ditambal ulang dengan benar.")
                .autoClosed(t.plusSeconds(990_000)).fixVerified(t.plusSeconds(995_000));
        history.story(t, "CLOSED", "DLH").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(600))
                .dispatched("DLH", t).resolved(t.plusSeconds(600), "Sampah sudah diangkut petugas.")
                .autoClosed(t.plusSeconds(500_000)).fixVerified(t.plusSeconds(501_000));
        history.story(t, "CLOSED", "DISHUB").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(600))
                .dispatched("DISHUB", t).resolved(t.plusSeconds(600), "Lampu lalu lintas sudah diganti.")
                .autoClosed(t.plusSeconds(500_000)).fixRejected(t.plusSeconds(501_000))
                .resolved(t.plusSeconds(502_000), "Lampu lalu lintas diganti lagi.").confirmed(t.plusSeconds(503_000), 5);
        assertThat(count("SELECT count(*) FROM opd_assignment WHERE verified")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM opd_assignment WHERE closed AND NOT auto_closed AND disputes = 1 AND rating = 5"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM opd_assignment")).isPositive();
        assertThat(count("SELECT count(*) FROM opd_assignment WHERE misrouted_away")).isPositive();
        assertThat(count("SELECT count(*) FROM opd_assignment WHERE disputes > 1")).isPositive();
        assertThat(differences(15)).isZero();
    }

    @Test
    void aTemplateReplyDoesNotStopTheReplyClockInTheSummaryNorInTheLog() {
        History history = new History(Seed.with(db, cipher));
        Instant t = Instant.parse("2018-09-27T02:00:00Z");
        // long enough, but judged a template when written: neither counts it; the real reply after it does
        UUID templated = history.story(t, "IN_PROGRESS", "DLH").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(7200))
                .dispatched("DLH", t).templateReplied(t.plusSeconds(60), "Laporan sedang kami proses, terima kasih")
                .replied(t.plusSeconds(7200), TWENTY_LETTERS).id();
        assertThat(firstReply(templated)).isEqualTo(t.plusSeconds(7200));
        UUID onlyTemplates = history.story(t, "IN_PROGRESS", "DLH").row(t.plusSeconds(86_400), t.plusSeconds(259_200), null)
                .dispatched("DLH", t).templateReplied(t.plusSeconds(60), "okokokokokokokokokok").id();
        assertThat(firstReply(onlyTemplates)).isNull();
        assertThat(count("SELECT count(*) FROM opd_assignment_from_log('infinity', 15) WHERE complaint_id = '" + onlyTemplates
                + "' AND first_reply_at IS NULL")).isOne();
        assertThat(differences(15)).isZero();
    }

    @Test
    void aNewThresholdRebuildsTheSummaryAndTheTriggerUsesIt() {
        History history = new History(Seed.with(db, cipher));
        Instant t = Instant.parse("2018-09-25T02:00:00Z");
        UUID before = history.story(t, "IN_PROGRESS", "DLH").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(60))
                .dispatched("DLH", t).replied(t.plusSeconds(60), TWENTY_LETTERS).id();
        assertThat(firstReply(before)).isNotNull();
        try {
            assertThat(rebuild(25)).isTrue();
            assertThat(rebuild(25)).as("already built with 25").isFalse();
            // twenty letters are no longer a real reply, before or after the change
            assertThat(firstReply(before)).isNull();
            UUID after = history.story(t, "IN_PROGRESS", "DLH").row(t.plusSeconds(86_400), t.plusSeconds(259_200), t.plusSeconds(60))
                    .dispatched("DLH", t).replied(t.plusSeconds(60), TWENTY_LETTERS).id();
            assertThat(firstReply(after)).isNull();
            assertThat(differences(25)).isZero();
        } finally {
            rebuild(15);
        }
        assertThat(firstReply(before)).isNotNull();
        assertThat(differences(15)).isZero();
    }
}
