package id.go.cilegon.juare.dashboard.map;

import java.util.List;

/** What the map's filter offers: the active OPDs and categories, in the backend's order. */
public record FilterChoices(List<Choice> opds, List<Choice> categories) {

    public FilterChoices {
        opds = List.copyOf(opds);
        categories = List.copyOf(categories);
    }

    /** A code with its name in the screen's language. */
    public record Choice(String code, String name) {

        /** "DPUPR · Dinas Pekerjaan Umum…": a search finds it by either. */
        public String label() {
            return name == null || name.isBlank() || name.equals(code) ? code : code + " · " + name;
        }
    }
}
