package id.go.cilegon.juare.dashboard.admin;

import java.util.List;

/** The OPDs (ordered by name) and the categories (in display order), as one answer. */
public record Agency(List<Opd> opds, List<Category> categories) {
}
