package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** For benchmarks in other packages: the map's summary on or off (ADR 0044), and the map's plans as run. */
public final class MapSummaryBench {

    private MapSummaryBench() {
    }

    public static void enable(boolean on) {
        ComplaintMapRepository.summaryEnabled = on;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the map's query for an operator, as the application sends it. */
    public static List<String> explain(org.springframework.context.ApplicationContext context, double south, double west, double north,
                                       double east, int zoom, List<ComplaintStatus> statuses, boolean summary) {
        BoundingBox box = new BoundingBox(south, west, north, east);
        MapGrid grid = MapGrid.of(box, zoom);
        Caller operator = new Caller(Caller.Kind.STAFF, UUID.randomUUID(), Set.of("OPERATOR"), null);
        ComplaintScope scope = ComplaintScope.of(operator,
                new ComplaintFilter(null, null, null, statuses, null, null, null), Instant.now());
        MapSummaryPlan plan = summary ? MapSummaryPlan.of(grid, box, scope) : null;
        return context.getBean(ComplaintMapRepository.class).explain(grid, box, scope, plan).collectList().block();
    }
}
