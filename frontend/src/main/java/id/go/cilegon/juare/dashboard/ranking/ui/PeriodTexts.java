package id.go.cilegon.juare.dashboard.ranking.ui;

import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.ranking.ResolvedPeriod;
import java.time.LocalDate;
import java.util.Locale;

/** A resolved period as a heading reads it: "7 Apr 2026 – 6 Mei 2026", or one day alone. */
final class PeriodTexts {

    private PeriodTexts() {
    }

    static String range(ResolvedPeriod period, Locale locale) {
        return range(period.firstDay(), period.lastDay(), locale);
    }

    static String range(LocalDate first, LocalDate last, Locale locale) {
        if (first.equals(last)) {
            return Wib.date(first, locale);
        }
        return Wib.date(first, locale) + " – " + Wib.date(last, locale);
    }
}
