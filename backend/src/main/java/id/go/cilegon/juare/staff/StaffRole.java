package id.go.cilegon.juare.staff;

/** The same names as the GraphQL enum StaffRole. */
public enum StaffRole {
    OPERATOR,
    OPD_RESPONDER,
    OPD_HEAD,
    MAYOR,
    ADMIN;

    public boolean boundToOpd() {
        return this == OPD_RESPONDER || this == OPD_HEAD;
    }
}
