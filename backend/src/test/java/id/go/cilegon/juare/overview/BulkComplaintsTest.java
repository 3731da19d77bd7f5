package id.go.cilegon.juare.overview;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.demo.BulkComplaints;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The load-test complaints: as many as asked, inside the city, in every state, OPD set exactly when dispatched, and
 * nothing left for the clock job to mark overdue.
 */
class BulkComplaintsTest extends IntegrationTest {

    @Autowired PersonalDataCipher cipher;

    @Test
    void bulkComplaintsAreSpreadOverTheCityAndTheStates() {
        UUID resident = Seed.with(db, cipher).residentId();

        BulkComplaints.insert(db, 700, resident).block();
        try {
            check(resident);
        } finally {
            // the database is shared by every integration test: 100 old SUBMITTED complaints would push theirs out of
            // the first page of the intake queue
            db.sql("DELETE FROM complaint WHERE resident_id = :resident").bind("resident", resident).then().block();
        }
    }

    private void check(UUID resident) {

        Map<String, Object> summary = db.sql("""
                        SELECT count(*) AS n, count(DISTINCT status) AS statuses, count(DISTINCT kecamatan_code) AS kecamatan,
                               min(lat) AS south, max(lat) AS north, min(lng) AS west, max(lng) AS east,
                               count(*) FILTER (WHERE (opd_code IS NULL) <> (status IN (%1$s))) AS opd_mismatch,
                               count(*) FILTER (WHERE tracking_number NOT LIKE 'BEN-%%') AS other_numbers,
                               count(*) FILTER (WHERE reply_overdue_at IS NOT NULL OR fix_overdue_at IS NOT NULL) AS marked,
                               -- ClockJob's REPLY_BREACHED and FIX_BREACHED
                               count(*) FILTER (WHERE (first_reply_at IS NULL AND reply_overdue_at IS NULL
                                                       AND status IN (%2$s) AND reply_due_at < now())
                                                   OR (fix_overdue_at IS NULL AND status IN (%2$s)
                                                       AND fix_due_at < now())) AS clock_left
                        FROM complaint WHERE resident_id = :resident""".formatted(Lifecycle.sqlList(Lifecycle.NEVER_AT_OPD),
                        Lifecycle.sqlList(Lifecycle.AT_OPD)))
                .bind("resident", resident)
                .fetch()
                .one()
                .block();
        assertThat(((Number) summary.get("n")).longValue()).isEqualTo(700);
        assertThat(((Number) summary.get("statuses")).longValue()).isEqualTo(7);
        assertThat(((Number) summary.get("kecamatan")).longValue()).isEqualTo(8);
        assertThat(((Number) summary.get("opd_mismatch")).longValue()).isZero();
        assertThat(((Number) summary.get("other_numbers")).longValue()).isZero();
        assertThat(((Number) summary.get("marked")).longValue()).as("clocks that ran out, marked").isPositive();
        assertThat(((Number) summary.get("clock_left")).longValue()).as("breaches the clock job would still mark").isZero();
        // Cilegon lies between about 6.08 and 5.87 south, 105.92 and 106.09 east
        assertThat(((Number) summary.get("south")).doubleValue()).isGreaterThan(-6.12);
        assertThat(((Number) summary.get("north")).doubleValue()).isLessThan(-5.85);
        assertThat(((Number) summary.get("west")).doubleValue()).isGreaterThan(105.9);
        assertThat(((Number) summary.get("east")).doubleValue()).isLessThan(106.12);
    }
}
