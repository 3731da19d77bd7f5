package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.overview.internal.ComplaintMap.MapCluster;
import id.go.cilegon.juare.overview.internal.ComplaintMap.MapMarker;
import id.go.cilegon.juare.overview.internal.ComplaintMapRepository.Cell;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** ComplaintMap: the complaints in a map box, clustered on a grid sized for the zoom (see {@link MapGrid}). */
@Controller
class ComplaintMapController {

    private final ComplaintMapRepository repository;
    private final Clock clock;

    ComplaintMapController(ComplaintMapRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @QueryMapping
    Mono<ComplaintMap> complaintMap(@Argument BoundingBox box, @Argument int zoom, @Argument ComplaintFilter filter) {
        return ComplaintScope.ofCaller(filter, clock.instant())
                .flatMap(scope -> clustered(scope, box, zoom, asksFinished(filter)));
    }

    /**
     * Whether the filter lets finished complaints in (no status list, or one with CLOSED or REJECTED): only then is
     * the answer the history, which the map's summary is for (ADR 0044); the unfinished ones are the backlog, read
     * from their rows through complaint_status_created at every size (ADR 0041).
     */
    static boolean asksFinished(ComplaintFilter filter) {
        return filter == null || filter.statuses() == null || filter.statuses().isEmpty()
                || filter.statuses().contains(ComplaintStatus.CLOSED) || filter.statuses().contains(ComplaintStatus.REJECTED);
    }

    private Mono<ComplaintMap> clustered(ComplaintScope scope, BoundingBox box, int zoom, boolean asksFinished) {
        BoundingBox checked = box.validated();
        MapGrid grid = MapGrid.of(checked, zoom);
        return repository.cells(grid, checked, scope, asksFinished)
                .collectList()
                .map(cells -> toMap(grid, cells));
    }

    static ComplaintMap toMap(MapGrid grid, List<Cell> cells) {
        if (cells.isEmpty()) {
            return ComplaintMap.EMPTY;
        }
        List<MapCluster> clusters = new ArrayList<>();
        List<MapMarker> markers = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.marker() != null) {
                markers.add(cell.marker());
            } else {
                clusters.add(toCluster(grid, cell));
            }
        }
        return new ComplaintMap(Math.toIntExact(cells.getFirst().inBox()), clusters, markers);
    }

    private static MapCluster toCluster(MapGrid grid, Cell cell) {
        List<StatusCount> byStatus = new ArrayList<>();
        for (ComplaintStatus status : ComplaintStatus.values()) {
            long count = cell.byStatus()[status.ordinal()];
            if (count > 0) {
                byStatus.add(new StatusCount(status, Math.toIntExact(count)));
            }
        }
        return new MapCluster(cell.meanLat(), cell.meanLng(), Math.toIntExact(cell.count()), byStatus,
                grid.south(cell.row()), grid.west(cell.column()), grid.north(cell.row()), grid.east(cell.column()));
    }
}
