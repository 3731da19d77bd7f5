package id.go.cilegon.juare.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aPeriodBecomesTheBackendsInput() {
        assertThat(Period.DEFAULT.toInput()).isEqualTo(Map.of("kind", "LAST_30_DAYS"));
        assertThat(Period.month(YearMonth.of(2026, 5)).toInput()).isEqualTo(Map.of("kind", "MONTH", "month", "2026-05"));
        assertThat(Period.range(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 6)).toInput())
                .isEqualTo(Map.of("kind", "RANGE", "from", "2026-05-01", "to", "2026-05-06"));
    }

    @Test
    void aPeriodTravelsInTheAddressAndComesBack() {
        for (Period period : List.of(Period.DEFAULT, Period.of(PeriodKind.TODAY), Period.of(PeriodKind.LAST_7_DAYS),
                Period.month(YearMonth.of(2026, 4)), Period.range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))) {
            assertThat(Period.fromQueryParameters(period.toQueryParameters())).isEqualTo(period);
        }
        assertThat(Period.month(YearMonth.of(2026, 4)).toQueryParameters())
                .isEqualTo(Map.of("period", List.of("MONTH"), "month", List.of("2026-04")));
    }

    @Test
    void aMissingOrUnusableAddressGivesTheLast30Days() {
        assertThat(Period.fromQueryParameters(Map.of())).isEqualTo(Period.DEFAULT);
        assertThat(Period.fromQueryParameters(Map.of("period", List.of("YEAR")))).isEqualTo(Period.DEFAULT);
        assertThat(Period.fromQueryParameters(Map.of("period", List.of("MONTH")))).isEqualTo(Period.DEFAULT);
        assertThat(Period.fromQueryParameters(Map.of("period", List.of("MONTH"), "month", List.of("Mei")))).isEqualTo(Period.DEFAULT);
        assertThat(Period.fromQueryParameters(Map.of("period", List.of("RANGE"), "from", List.of("2026-05-06"),
                "to", List.of("2026-05-01")))).isEqualTo(Period.DEFAULT);
    }

    @Test
    void aRangeIsCheckedWithAClearMessage() {
        assertThatThrownBy(() -> Period.range(LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 1)))
                .hasMessageContaining("Tanggal akhir sebelum tanggal awal");
        assertThatThrownBy(() -> Period.range(null, LocalDate.of(2026, 5, 1))).hasMessageContaining("Isi tanggal awal dan akhir");
        assertThatThrownBy(() -> Period.range(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)))
                .hasMessageContaining("366");
        // 366 days, both included: the most there may be
        assertThat(Period.range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThatThrownBy(() -> new Period(PeriodKind.MONTH, null, null, null)).hasMessageContaining("Pilih bulan");
    }

    @Test
    void onlyWhatTheKindUsesIsKept() {
        assertThat(new Period(PeriodKind.TODAY, YearMonth.of(2026, 5), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2)))
                .isEqualTo(Period.of(PeriodKind.TODAY));
    }
}
