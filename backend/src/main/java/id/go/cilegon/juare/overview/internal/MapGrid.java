package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.platform.ApiException;

/**
 * The clustering grid: square cells of {@code cellDegrees}, aligned to multiples of the cell size so that panning
 * the map keeps the cells (and the clusters) where they were.
 *
 * @param zoom        the zoom the cells are sized for: the asked one, or a lower one for a box too big for it
 * @param cellDegrees the side of a cell in degrees of latitude and longitude (near the equator, as Cilegon is,
 *                    a degree of each is about as long, so the cells are about square on the map)
 */
record MapGrid(int zoom, double cellDegrees) {

    static final int MIN_ZOOM = 0;
    static final int MAX_ZOOM = 20;
    /**
     * At most this many cells cover a box. A screen of 1920×1080 px at 64 px per cell needs about 510; a bigger box
     * gets bigger cells (a lower zoom's), so the answer stays a few hundred items whatever the box and the data.
     */
    static final int MAX_CELLS = 1024;

    /** The grid for a box at a zoom; INVALID_INPUT for a zoom outside 0..20. */
    static MapGrid of(BoundingBox box, int zoom) {
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
            throw ApiException.invalidInput("map.zoom");
        }
        int z = zoom;
        while (z > MIN_ZOOM && cellsCovering(box, cellSize(z)) > MAX_CELLS) {
            z--;
        }
        return new MapGrid(z, cellSize(z));
    }

    /** A 256 px tile spans 360 / 2^zoom degrees of longitude; a quarter of it is a cell of about 64 px. */
    static double cellSize(int zoom) {
        return 360.0 / (1L << zoom) / 4;
    }

    /** The number of grid cells the box touches (the same floor() as the SQL, so the same cells). */
    static long cellsCovering(BoundingBox box, double cell) {
        long columns = (long) Math.floor(box.east() / cell) - (long) Math.floor(box.west() / cell) + 1;
        long rows = (long) Math.floor(box.north() / cell) - (long) Math.floor(box.south() / cell) + 1;
        return columns * rows;
    }

    double south(long row) {
        return row * cellDegrees;
    }

    double north(long row) {
        return (row + 1) * cellDegrees;
    }

    double west(long column) {
        return column * cellDegrees;
    }

    double east(long column) {
        return (column + 1) * cellDegrees;
    }
}
