package id.go.cilegon.juare.overview.internal;

/** The command centre's shifts; the same names as the GraphQL enum and the staff.shift column. */
enum Shift {
    PAGI,
    SIANG,
    MALAM
}
