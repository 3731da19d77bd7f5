package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per complaint status (the schema's {@code ComplaintStatus}) for every map, its legend and its clusters.
 * In order of urgency: what still waits for someone first, so a tie in a cluster goes to the more urgent status and
 * the legend reads from "act now" to "done".
 */
public final class StatusPalette {

    /** For a status the palette does not know yet (a newer backend): grey rather than failing. */
    public static final String UNKNOWN_COLOR = "#757575";

    private static final Map<String, String> COLORS = colors();
    private static final List<String> STATUSES = List.copyOf(COLORS.keySet());

    private StatusPalette() {
    }

    private static Map<String, String> colors() {
        Map<String, String> colors = new LinkedHashMap<>();
        colors.put("SUBMITTED", "#d32f2f");   // red: waits for an operator
        colors.put("REOPENED", "#8e24aa");    // purple: the resident disputed the fix
        colors.put("DISPATCHED", "#ef6c00");  // orange: waits for the OPD
        colors.put("IN_PROGRESS", "#1565c0"); // blue: the OPD is on it
        colors.put("RESOLVED", "#2e7d32");    // green: fixed, waits for the resident's confirmation
        colors.put("CLOSED", "#546e7a");      // blue grey: finished
        colors.put("REJECTED", "#9e9e9e");    // light grey: not a complaint for the city
        return Collections.unmodifiableMap(colors);
    }

    /** Every status, most urgent first. */
    public static List<String> statuses() {
        return STATUSES;
    }

    public static String color(String status) {
        return COLORS.getOrDefault(status, UNKNOWN_COLOR);
    }

    /** The position in the urgency order; unknown statuses last. */
    public static int rank(String status) {
        int index = STATUSES.indexOf(status);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
