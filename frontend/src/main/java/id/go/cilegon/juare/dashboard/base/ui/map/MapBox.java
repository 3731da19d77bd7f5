package id.go.cilegon.juare.dashboard.base.ui.map;

import java.util.Map;
import java.util.Optional;

/** A map's visible box in degrees (WGS 84), as the backend's {@code BoundingBoxInput} takes it. */
public record MapBox(double south, double west, double north, double east) {

    public MapBox {
        if (!(south < north) || !(west < east)) {
            throw new IllegalArgumentException("Invalid box: south < north and west < east, got " + south + "," + west
                    + " to " + north + "," + east);
        }
    }

    /**
     * The box a browser reported, clamped to the globe (Leaflet's box can reach past ±180° when zoomed out); empty if
     * nothing sensible is left (not a number, or no area).
     */
    public static Optional<MapBox> clamped(double south, double west, double north, double east) {
        double s = clamp(south, -90);
        double n = clamp(north, 90);
        double w = clamp(west, -180);
        double e = clamp(east, 180);
        if (Double.isNaN(s) || Double.isNaN(n) || Double.isNaN(w) || Double.isNaN(e) || !(s < n) || !(w < e)) {
            return Optional.empty();
        }
        return Optional.of(new MapBox(s, w, n, e));
    }

    private static double clamp(double value, double limit) {
        double abs = Math.abs(limit);
        return Double.isNaN(value) ? Double.NaN : Math.max(-abs, Math.min(abs, value));
    }

    public boolean contains(double lat, double lng) {
        return lat >= south && lat <= north && lng >= west && lng <= east;
    }

    /** The GraphQL variable. */
    public Map<String, Object> toVariable() {
        return Map.of("south", south, "west", west, "north", north, "east", east);
    }
}
