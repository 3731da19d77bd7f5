package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a big box's cells are read from the map's summary (complaint_map_tally, V15_20, ADR 0044) instead of from every
 * complaint in the box: the summary cells of the coarsest level wholly inside the box, then those of each finer level
 * wholly inside the box and not in a coarser one, then the complaint rows of the strip left between the finest and
 * the box's edge (less than one finest cell wide). The parts are disjoint and together are exactly the complaints in
 * the box, because a point's cell at every zoom is floor(coordinate / cell size) and the cell sizes are 90 / 2^zoom
 * (so a coarser cell is exactly 2^k × 2^k finer ones, and a grid cell of zoom z ≤ a level's is its summary cells
 * shifted right by the difference).
 *
 * @param gridZoom the grid's zoom
 * @param levels   the levels used (at least the grid's zoom), coarsest first, each with its cells wholly inside the
 *                 box (those with none left out; the finest always has some)
 */
record MapSummaryPlan(int gridZoom, List<Level> levels) {

    /** The summary's zoom levels, coarsest first (V15_20's complaint_map_levels()). */
    static final List<Integer> ZOOMS = List.of(13, 16, 19);
    /**
     * A summary cell counts as inside the box only with this much room on each side (degrees, about 0.1 mm): a point
     * whose floor(coordinate / size) is a cell lies within 1e-13 degrees of it in float8, so it is surely in the box.
     */
    static final double MARGIN = 1e-9;

    /** One level's cells wholly inside the box. */
    record Level(int zoom, Range inside) {
    }

    /** Cells [west..east] × [south..north] of one zoom, inclusive; empty when an end is before its start. */
    record Range(long west, long east, long south, long north) {
        boolean isEmpty() {
            return west > east || south > north;
        }

        Range times(long factor) {
            return new Range(west * factor, east * factor + factor - 1, south * factor, north * factor + factor - 1);
        }
    }

    /**
     * The plan, or null when the summary cannot answer: a period or an overdue filter (the summary has neither), a
     * grid finer than the finest level, or a box with no cell of the finest level wholly inside.
     */
    static MapSummaryPlan of(MapGrid grid, BoundingBox box, ComplaintScope scope) {
        int finest = ZOOMS.getLast();
        if (scope.from() != null || scope.to() != null || scope.overdue() != null || grid.zoom() > finest) {
            return null;
        }
        if (inside(box, MapGrid.cellSize(finest)).isEmpty()) {
            return null;
        }
        List<Level> levels = new ArrayList<>();
        for (int zoom : ZOOMS) {
            if (zoom >= grid.zoom()) {
                Range range = inside(box, MapGrid.cellSize(zoom));
                if (!range.isEmpty()) {
                    levels.add(new Level(zoom, range));
                }
            }
        }
        return new MapSummaryPlan(grid.zoom(), List.copyOf(levels));
    }

    /** The cells of this size wholly inside the box, with {@link #MARGIN} to spare. */
    static Range inside(BoundingBox box, double cell) {
        return new Range(firstInside(box.west(), cell), lastInside(box.east(), cell),
                firstInside(box.south(), cell), lastInside(box.north(), cell));
    }

    private static long firstInside(double edge, double cell) {
        long index = (long) Math.ceil((edge + MARGIN) / cell);
        while (index * cell - MARGIN < edge) {
            index++;
        }
        while ((index - 1) * cell - MARGIN >= edge) {
            index--;
        }
        return index;
    }

    private static long lastInside(double edge, double cell) {
        long index = (long) Math.floor((edge - MARGIN) / cell) - 1;
        while ((index + 1) * cell + MARGIN > edge) {
            index--;
        }
        while ((index + 2) * cell + MARGIN <= edge) {
            index++;
        }
        return index;
    }

    /** The parts' SQL (one row per summary key or complaint: grid cell, status, n, sums) and its parameters. */
    String partsSql(ComplaintScope scope, Map<String, Object> parameters) {
        List<String> parts = new ArrayList<>();
        Level previous = null;
        for (Level level : levels) {
            // a finer level's cells inside the box, less those of the coarser one (which nest in them exactly)
            List<Range> ranges = previous == null ? List.of(level.inside())
                    : around(level.inside(), previous.inside().times(1L << (level.zoom() - previous.zoom())));
            for (int i = 0; i < ranges.size(); i++) {
                parts.add(summaryPart(level.zoom(), ranges.get(i), "z" + level.zoom() + "p" + i, scope, parameters));
            }
            previous = level;
        }
        Range fine = levels.getLast().inside();
        double cell = MapGrid.cellSize(levels.getLast().zoom());
        parameters.put("fineCell", cell);
        // the strip between the fine cells inside and the box's edge, from the complaint rows, in four parts each
        // with a range on an index's first column (complaint_location by latitude, complaint_location_by_lng)
        String fineRow = "floor(lat/:fineCell)::bigint";
        String fineColumn = "floor(lng/:fineCell)::bigint";
        parameters.put("stripSouthRow", fine.south());
        parameters.put("stripNorthRow", fine.north());
        parameters.put("stripWestColumn", fine.west());
        parameters.put("stripEastColumn", fine.east());
        parameters.put("stripSouthLat", fine.south() * cell + MARGIN);
        parameters.put("stripNorthLat", (fine.north() + 1) * cell - MARGIN);
        parameters.put("stripWestLng", fine.west() * cell + MARGIN);
        parameters.put("stripEastLng", (fine.east() + 1) * cell - MARGIN);
        parameters.put("stripRowsSouth", fine.south() * cell - MARGIN);
        parameters.put("stripRowsNorth", (fine.north() + 1) * cell + MARGIN);
        parts.add(complaintPart("lat <= :stripSouthLat AND " + fineRow + " < :stripSouthRow", scope));
        parts.add(complaintPart("lat >= :stripNorthLat AND " + fineRow + " > :stripNorthRow", scope));
        String rowsInside = "lat >= :stripRowsSouth AND lat <= :stripRowsNorth AND " + fineRow
                + " BETWEEN :stripSouthRow AND :stripNorthRow";
        parts.add(complaintPart("lng <= :stripWestLng AND " + rowsInside + " AND " + fineColumn + " < :stripWestColumn",
                scope));
        parts.add(complaintPart("lng >= :stripEastLng AND " + rowsInside + " AND " + fineColumn + " > :stripEastColumn",
                scope));
        return String.join("\nUNION ALL\n", parts);
    }

    private String summaryPart(int zoom, Range range, String name, ComplaintScope scope, Map<String, Object> parameters) {
        parameters.put(name + "West", range.west());
        parameters.put(name + "East", range.east());
        parameters.put(name + "South", range.south());
        parameters.put(name + "North", range.north());
        int shift = zoom - gridZoom;
        String select = """
                SELECT column_index >> %d AS column_index, row_index >> %d AS row_index, status, n, sum_lat, sum_lng,
                       sum_id_high, sum_id_low
                FROM complaint_map_tally
                WHERE\s""".formatted(shift, shift);
        String where = """
                zoom = %d AND row_index BETWEEN :%sSouth AND :%sNorth AND column_index BETWEEN :%sWest AND :%sEast
                  AND %s AND %s""".formatted(zoom, name, name, name, name,
                overEveryOpdKecamatanCategory(scope) ? "kecamatan_code IS NULL" : "kecamatan_code IS NOT NULL",
                scope.cells());
        // the folded rows by the read indexes (they hold compacted rows only, V15_44); the deltas not yet folded, a
        // fold interval's writes at most, by their own index
        return select + "compacted AND " + where + "\nUNION ALL\n" + select + "NOT compacted AND " + where;
    }

    /**
     * Whether the scope asks nothing of OPD, kecamatan and category (everything, or statuses only: those are literals
     * in its condition, its lists and the staff's own OPD are parameters), so the summary's rows over all of them
     * (kecamatan_code NULL) answer.
     */
    static boolean overEveryOpdKecamatanCategory(ComplaintScope scope) {
        return scope.parameters().isEmpty();
    }

    private static String complaintPart(String strip, ComplaintScope scope) {
        return """
                SELECT floor(lng / :cell)::bigint, floor(lat / :cell)::bigint, status, 1, lat::numeric, lng::numeric,
                       uuid_high(id)::numeric, uuid_low(id)::numeric
                FROM complaint
                WHERE lat >= :south AND lat <= :north AND lng >= :west AND lng <= :east
                  AND %s
                  AND %s""".formatted(strip, scope.condition());
    }

    /** The range minus an inner range inside it, as up to four disjoint ranges (below, above, left, right). */
    static List<Range> around(Range outer, Range inner) {
        List<Range> parts = new ArrayList<>();
        parts.add(new Range(outer.west(), outer.east(), outer.south(), inner.south() - 1));
        parts.add(new Range(outer.west(), outer.east(), inner.north() + 1, outer.north()));
        parts.add(new Range(outer.west(), inner.west() - 1, inner.south(), inner.north()));
        parts.add(new Range(inner.east() + 1, outer.east(), inner.south(), inner.north()));
        parts.removeIf(Range::isEmpty);
        return parts;
    }

    static Map<String, Object> newParameters() {
        return new LinkedHashMap<>();
    }
}
