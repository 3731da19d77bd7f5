package id.go.cilegon.juare.dashboard.admin;

/**
 * Published (as a Spring application event) after an admin changed an OPD or a category: anything in the dashboard
 * that keeps OPDs or categories in memory listens for it and forgets them.
 *
 * @param code the OPD's or category's code
 */
public record AgencyDataChanged(Kind kind, String code) {

    public enum Kind { OPD, CATEGORY }
}
