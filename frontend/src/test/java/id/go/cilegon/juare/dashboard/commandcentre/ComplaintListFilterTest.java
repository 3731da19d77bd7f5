package id.go.cilegon.juare.dashboard.commandcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplaintListFilterTest {

    @Test
    void aCounterBecomesALinkAndTheLinkTheSameFilter() {
        Instant now = Instant.parse("2026-12-06T17:30:00Z"); // 00:30 WIB on the 7th
        ComplaintListFilter today = ComplaintListFilter.forCounter("new-today", now);
        assertThat(today.href()).isEqualTo("complaints?from=2026-12-07");
        assertThat(today.toGraphQl()).containsEntry("from", "2026-12-06T17:00:00Z");
        assertThat(ComplaintListFilter.forCounter("reply-overdue", now).href()).isEqualTo("complaints?overdue=reply");
        assertThat(ComplaintListFilter.forCounter("open", now).href())
                .isEqualTo("complaints?status=SUBMITTED%2CDISPATCHED%2CIN_PROGRESS%2CREOPENED");
        assertThat(ComplaintListFilter.forCounter("resolved-today", now)).as("no filter selects resolutions").isNull();

        ComplaintListFilter cell = ComplaintListFilter.forOpdCell("DPUPR", "fixOverdue");
        assertThat(cell.toGraphQl()).isEqualTo(Map.of("opdCodes", List.of("DPUPR"), "overdue", "FIX"));
        ComplaintListFilter back = ComplaintListFilter.fromQueryParameters(Map.of("opd", List.of("DPUPR"), "overdue", List.of("fix")));
        assertThat(back).isEqualTo(cell);
        assertThat(back.titleKey()).isEqualTo("cc.list.title.overdue.fix");
    }

    @Test
    void aLinkCutShortOrTamperedWithStillOpensAList() {
        ComplaintListFilter f = ComplaintListFilter.fromQueryParameters(Map.of(
                "opd", List.of("DP'UPR"), "status", List.of("dispatched,NOPE"), "overdue", List.of("later"), "from", List.of("2026-13-01")));
        assertThat(f).isEqualTo(new ComplaintListFilter(null, List.of("DISPATCHED"), null, null));
        assertThat(ComplaintListFilter.fromQueryParameters(Map.of())).isEqualTo(ComplaintListFilter.none());
        assertThat(ComplaintListFilter.none().toGraphQl()).isEmpty();
        assertThat(ComplaintListFilter.fromQueryParameters(Map.of("from", List.of("2026-12-06"))).filedSince())
                .isEqualTo(LocalDate.of(2026, 12, 6));
    }
}
