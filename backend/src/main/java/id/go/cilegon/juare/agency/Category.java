package id.go.cilegon.juare.agency;

/** A complaint category: its default OPD and its clocks (hours from dispatch). */
public record Category(String code, String nameId, String nameEn, String defaultOpdCode, int replyHours, int fixHours,
                       boolean confidentialByDefault, boolean active, int sortOrder) {
}
