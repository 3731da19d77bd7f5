package id.go.cilegon.juare.dashboard.admin;

/**
 * A city agency as the admin screens show it.
 *
 * @param active whether it takes complaints (an inactive OPD is no longer offered for dispatch)
 */
public record Opd(String code, String name, String kind, boolean active) {

    /** "Dinas Lingkungan Hidup (DLH)": what pickers show. */
    public String label() {
        return name + " (" + code + ")";
    }
}
