package id.go.cilegon.juare.dashboard.ranking;

/** The ranking's kinds of period, as the backend's {@code PeriodKind}. */
public enum PeriodKind {
    TODAY, LAST_7_DAYS, LAST_30_DAYS, MONTH, RANGE
}
