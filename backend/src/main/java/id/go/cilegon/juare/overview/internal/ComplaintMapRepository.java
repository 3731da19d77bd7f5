package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.overview.internal.ComplaintMap.MapMarker;
import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Grid clustering in one query: the complaints in a box (a small box through the complaint_location index) grouped
 * by grid cell, with per-status counts, and for a cell of exactly one complaint that complaint's marker fields (a
 * join on the primary key, so at most one look-up per cell, never per complaint).
 */
@Repository
class ComplaintMapRepository {

    /**
     * A backstop: the grid already has at most {@link MapGrid#MAX_CELLS} cells, so this never cuts anything; were it
     * reached, the fullest cells would be kept.
     */
    static final int MAX_CELLS_RETURNED = MapGrid.MAX_CELLS;

    /*
     * The OFFSET 0 keeps the planner from flattening the subquery: it then takes the number of cells for its default
     * (a few hundred, which is what the grid allows) rather than one per complaint, and aggregates in a hash table
     * instead of sorting every complaint in the box (about 40 % faster for 100,000).
     */
    private static final String SQL = """
            WITH cells AS (
                SELECT column_index,
                       row_index,
                       count(*) AS complaints,
                       avg(lat) AS mean_lat,
                       avg(lng) AS mean_lng,
                       %s,
                       min(id::text COLLATE "C") AS some_id,
                       sum(count(*)) OVER ()::bigint AS in_box
                FROM (
                    SELECT floor(lng / :cell)::bigint AS column_index,
                           floor(lat / :cell)::bigint AS row_index,
                           lat, lng, status, id
                    FROM complaint
                    WHERE lat >= :south AND lat <= :north AND lng >= :west AND lng <= :east
                      AND %s
                    OFFSET 0
                ) AS located
                GROUP BY column_index, row_index
                ORDER BY complaints DESC, column_index, row_index
                LIMIT :maxCells
            )
            """ + markers("cells.complaints = 1 AND c.id = cells.some_id::uuid");

    /*
     * The same cells from the map's summary (ADR 0044): the parts (MapSummaryPlan) give one row per summary key or
     * complaint with its grid cell; a cell of exactly one complaint has its id's two halves as the sums, so its marker
     * is one look-up by primary key (the CASE keeps the cast off the cells of more, whose sums do not fit).
     */
    private static final String SUMMARY_SQL = """
            WITH parts (column_index, row_index, status, n, sum_lat, sum_lng, sum_id_high, sum_id_low) AS (
            %s
            ), cells AS (
                SELECT column_index,
                       row_index,
                       sum(n)::bigint AS complaints,
                       (sum(sum_lat) / sum(n))::float8 AS mean_lat,
                       (sum(sum_lng) / sum(n))::float8 AS mean_lng,
                       %s,
                       CASE WHEN sum(n) = 1
                            THEN (lpad(to_hex(sum(sum_id_high)::bigint), 16, '0')
                                  || lpad(to_hex(sum(sum_id_low)::bigint), 16, '0'))::uuid END AS only_id,
                       sum(sum(n)) OVER ()::bigint AS in_box
                FROM parts
                GROUP BY column_index, row_index
                HAVING sum(n) > 0
                ORDER BY complaints DESC, column_index, row_index
                LIMIT :maxCells
            )
            """ + markers("c.id = cells.only_id");

    private static final String SUMMARY_STATUS_COLUMNS = Arrays.stream(ComplaintStatus.values())
            .map(s -> "coalesce(sum(n) FILTER (WHERE status = '" + s.name() + "'), 0)::bigint AS " + statusColumn(s))
            .collect(Collectors.joining(",\n"));

    /** Off only in benchmarks' "before" variant. */
    static volatile boolean summaryEnabled = true;

    /** The cells with, for a cell of one complaint (the condition finds it), that complaint's marker fields. */
    private static String markers(String oneComplaint) {
        return """
                SELECT cells.*, marker.*
                FROM cells
                LEFT JOIN LATERAL (
                    SELECT c.id AS marker_id, c.tracking_number, c.status AS marker_status, c.category_code, c.opd_code,
                           c.lat AS marker_lat, c.lng AS marker_lng
                    FROM complaint c
                    WHERE %s
                ) AS marker ON true""".formatted(oneComplaint);
    }

    /** count(*) FILTER (WHERE status = 'X') AS status_x, for each status: names from our enum, not from a caller. */
    private static final String STATUS_COLUMNS = Arrays.stream(ComplaintStatus.values())
            .map(s -> "count(*) FILTER (WHERE status = '" + s.name() + "') AS " + statusColumn(s))
            .collect(Collectors.joining(",\n"));

    /*
     * The driver keeps prepared statements, and after five runs PostgreSQL may switch to a generic plan made without
     * the box's values; with 100,000 complaints that plan took two to three times as long for the whole city as one
     * made for the actual box. So this query is planned for its values every time (in a transaction, for SET LOCAL).
     */
    private static final String CUSTOM_PLAN = "SET LOCAL plan_cache_mode = force_custom_plan";

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    ComplaintMapRepository(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * The cells of a box: from the per-cell summary (V15_20, ADR 0044) when {@link MapSummaryPlan#of} has a plan, else
     * from the complaint rows.
     */
    Flux<Cell> cells(MapGrid grid, BoundingBox box, ComplaintScope scope, boolean asksFinished) {
        MapSummaryPlan plan = asksFinished && summaryEnabled ? MapSummaryPlan.of(grid, box, scope) : null;
        return plan == null ? cellsFromComplaints(grid, box, scope) : cellsFromSummary(grid, box, scope, plan);
    }

    Flux<Cell> cellsFromComplaints(MapGrid grid, BoundingBox box, ComplaintScope scope) {
        return planned(complaintsSpec("", grid, box, scope).map(ComplaintMapRepository::toCell).all());
    }

    Flux<Cell> cellsFromSummary(MapGrid grid, BoundingBox box, ComplaintScope scope, MapSummaryPlan plan) {
        return planned(summarySpec("", grid, box, scope, plan).map(ComplaintMapRepository::toCell).all());
    }

    /** For benchmarks: the plan of either query ({@code plan} null: from the complaint rows) as PostgreSQL ran it. */
    Flux<String> explain(MapGrid grid, BoundingBox box, ComplaintScope scope, MapSummaryPlan plan) {
        String prefix = "EXPLAIN (ANALYZE, BUFFERS) ";
        DatabaseClient.GenericExecuteSpec spec = plan != null ? summarySpec(prefix, grid, box, scope, plan)
                : complaintsSpec(prefix, grid, box, scope);
        return planned(spec.map(row -> row.get(0, String.class)).all());
    }

    /** Rows planned for this call's values, in the transaction SET LOCAL needs. */
    private <T> Flux<T> planned(Flux<T> rows) {
        return db.sql(CUSTOM_PLAN)
                .then()
                .thenMany(rows)
                .as(tx::transactional);
    }

    private DatabaseClient.GenericExecuteSpec complaintsSpec(String prefix, MapGrid grid, BoundingBox box, ComplaintScope scope) {
        return scope.bindTo(boxBound(db.sql(prefix + SQL.formatted(STATUS_COLUMNS, scope.condition())), grid, box));
    }

    private static DatabaseClient.GenericExecuteSpec boxBound(DatabaseClient.GenericExecuteSpec spec, MapGrid grid, BoundingBox box) {
        return spec.bind("cell", grid.cellDegrees())
                .bind("south", box.south())
                .bind("north", box.north())
                .bind("west", box.west())
                .bind("east", box.east())
                .bind("maxCells", MAX_CELLS_RETURNED);
    }

    private DatabaseClient.GenericExecuteSpec summarySpec(String prefix, MapGrid grid, BoundingBox box,
                                                          ComplaintScope scope, MapSummaryPlan plan) {
        Map<String, Object> parameters = MapSummaryPlan.newParameters();
        String parts = plan.partsSql(scope, parameters);
        DatabaseClient.GenericExecuteSpec spec = boxBound(db.sql(prefix + SUMMARY_SQL.formatted(parts, SUMMARY_STATUS_COLUMNS)), grid, box);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            spec = spec.bind(parameter.getKey(), parameter.getValue());
        }
        return scope.bindTo(spec);
    }

    private static String statusColumn(ComplaintStatus status) {
        return "status_" + status.name().toLowerCase(Locale.ROOT);
    }

    private static Cell toCell(Readable row) {
        long[] byStatus = Arrays.stream(ComplaintStatus.values())
                .mapToLong(status -> row.get(statusColumn(status), Long.class))
                .toArray();
        return new Cell(
                row.get("column_index", Long.class),
                row.get("row_index", Long.class),
                row.get("complaints", Long.class),
                row.get("mean_lat", Double.class),
                row.get("mean_lng", Double.class),
                byStatus,
                row.get("in_box", Long.class),
                toMarker(row));
    }

    private static MapMarker toMarker(Readable row) {
        UUID id = row.get("marker_id", UUID.class);
        if (id == null) {
            return null;
        }
        return new MapMarker(id, row.get("tracking_number", String.class),
                ComplaintStatus.valueOf(row.get("marker_status", String.class)), row.get("category_code", String.class),
                row.get("opd_code", String.class), row.get("marker_lat", Double.class), row.get("marker_lng", Double.class));
    }

    /**
     * One grid cell.
     *
     * @param byStatus counts in {@link ComplaintStatus} order
     * @param inBox    complaints in the whole box (the same on every row)
     * @param marker   the cell's complaint when it holds exactly one, else null
     */
    record Cell(long column, long row, long count, double meanLat, double meanLng, long[] byStatus, long inBox,
                MapMarker marker) {
    }
}
