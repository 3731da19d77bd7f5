package id.go.cilegon.juare.report;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.ranking.OpdStanding;
import id.go.cilegon.juare.ranking.RankingHistory;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * Issue 12, "stable history": the daily report's ranking uses the ranking definition in force at its cut-off, so a
 * report of a day before a change of definition, made again after the change, is byte for byte the one made before.
 * The definitions here are test rows (versions from 9001) that this class removes again; 10 March 1966 (WIB) is a day
 * no other test writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingDefinitionHistoryTest extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(1966, 3, 10);
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Instant F = DAY.atStartOfDay(WIB).toInstant();
    static final Instant CUT_OFF = DAY.plusDays(1).atStartOfDay(WIB).toInstant();

    @Autowired PersonalDataCipher cipher;
    @Autowired TokenService tokens;
    @Autowired RankingHistory history;

    private String admin;
    private String mayor;

    private static Instant h(double hours) {
        return F.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @BeforeAll
    void writeHistory() {
        admin = new Staff(api()).adminToken();
        mayor = Seed.staffToken(db, tokens, "MAYOR", null);
        Timeline timeline = new Timeline(db, Seed.with(db, cipher));
        for (int i = 0; i < 6; i++) {
            // DPUPR answers within an hour and fixes within a day; DLH answers two of six in time
            timeline.filed(h(-100 - i)).dispatched("DPUPR", h(-99 - i)).replied(h(-98.5 - i)).resolved(h(-80 - i)).confirmed(h(-70 - i));
            Timeline.Complaint dlh = timeline.filed(h(-100 - i)).dispatched("DLH", h(-99 - i));
            (i < 2 ? dlh.replied(h(-98 - i)) : dlh.replied(h(-40 - i))).resolved(h(-10 - i));
        }
        // a SHRUNK definition in force since before the day, and back to PLAIN the day after (leaving other days alone)
        define(9001, "SHRUNK", 10, 30, DAY.minusDays(40).atStartOfDay(WIB).toInstant());
        define(9002, "PLAIN", 0, 0, DAY.plusDays(2).atStartOfDay(WIB).toInstant());
    }

    @AfterAll
    void removeTestDefinitions() {
        db.sql("DELETE FROM ranking_definition WHERE version >= 9001").then().block();
    }

    private void define(int version, String method, double strength, int few, Instant from) {
        db.sql("""
                        INSERT INTO ranking_definition (version, method, prior_strength, few_complaints, effective_from, description)
                        VALUES (:v, :m, :s, :f, :from, 'test')""")
                .bind("v", version).bind("m", method).bind("s", strength).bind("f", few).bind("from", from)
                .then().block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> regenerate() {
        return operation(api().as(admin), "RegenerateDailyReport")
                .variable("input", Map.of("day", DAY.toString()))
                .execute()
                .path("regenerateDailyReport.report").entity(Map.class).get();
    }

    private byte[] download(String path) {
        return api().http().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + mayor)
                .exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    private OpdStanding standing(Instant asOf, String opd) {
        return history.standings(DAY.minusDays(29), DAY, asOf).block().stream()
                .filter(s -> s.opdCode().equals(opd)).findFirst().orElseThrow();
    }

    @Test
    void aReportMadeAgainAfterAChangeOfDefinitionIsByteIdentical() {
        Map<String, Object> before = regenerate();
        byte[] pdf = download((String) before.get("pdfPath"));
        byte[] csv = download((String) before.get("opdCsvPath"));
        String text = new String(csv, StandardCharsets.UTF_8);
        // made under the definition in force at the cut-off: the score's interval and the few-complaints mark are printed
        assertThat(standing(CUT_OFF, "DPUPR").definitionVersion()).isEqualTo(9001);
        assertThat(standing(CUT_OFF, "DPUPR").scoreLow()).isNotNull();
        assertThat(text).contains("skor_bawah").containsPattern("DPUPR;[^\\r\\n]*;ya\\r\\n");

        Instant switchedAt = Instant.now();
        try {
            // the rules change now (strength 50): the same days as of now are ranked differently...
            define(9003, "SHRUNK", 50, 100, switchedAt);
            OpdStanding now = standing(switchedAt.plusSeconds(1), "DPUPR");
            assertThat(now.definitionVersion()).isEqualTo(9003);
            assertThat(now.score()).isNotEqualTo(standing(CUT_OFF, "DPUPR").score());
            // ...but the day's report, made again, is exactly what it was
            Map<String, Object> again = regenerate();
            assertThat(again.get("contentHash")).isEqualTo(before.get("contentHash"));
            assertThat(download((String) again.get("pdfPath"))).isEqualTo(pdf);
            assertThat(download((String) again.get("opdCsvPath"))).isEqualTo(csv);
            System.out.println("STABLE-HISTORY report of " + DAY + " made again after a change of definition: "
                    + pdf.length + " PDF bytes and " + csv.length + " CSV bytes identical");
        } finally {
            db.sql("DELETE FROM ranking_definition WHERE version = 9003").then().block();
        }
    }

    @Test
    void theDefinitionInForceIsTheLatestNotAfterTheInstant() {
        assertThat(standing(CUT_OFF, "DLH").definitionVersion()).isEqualTo(9001);
        assertThat(standing(DAY.plusDays(3).atStartOfDay(WIB).toInstant(), "DLH").definitionVersion()).isEqualTo(9002);
        assertThat(standing(DAY.minusDays(41).atStartOfDay(WIB).toInstant(), "DLH").definitionVersion()).isEqualTo(1);
        List<OpdStanding> plain = history.standings(DAY.minusDays(29), DAY, DAY.plusDays(3).atStartOfDay(WIB).toInstant()).block();
        assertThat(plain).allSatisfy(s -> assertThat(s.scoreLow()).isNull());
    }
}
