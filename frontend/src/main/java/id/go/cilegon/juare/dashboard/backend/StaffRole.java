package id.go.cilegon.juare.dashboard.backend;

/** The backend's {@code StaffRole}. The backend decides what each may do; the dashboard only hides what is useless. */
public enum StaffRole {
    OPERATOR, OPD_RESPONDER, OPD_HEAD, MAYOR, ADMIN
}
