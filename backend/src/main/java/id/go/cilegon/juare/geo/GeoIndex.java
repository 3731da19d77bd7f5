package id.go.cilegon.juare.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon over the kelurahan boundaries (JTS, STR-tree). The city outline in the reference data is
 * coarse, so "inside Cilegon" means inside a kelurahan, within {@link #TOLERANCE_DEGREES} of one (GPS error on
 * the coast and at the city edge), or inside the outline; the kelurahan is then the nearest one.
 */
public final class GeoIndex {

    /** About 55 m at this latitude. */
    static final double TOLERANCE_DEGREES = 0.0005;

    private final GeometryFactory geometryFactory;
    private final City city;
    private final PreparedGeometry cityOutline;
    private final Map<String, Kecamatan> kecamatanByCode = new LinkedHashMap<>();
    private final Map<String, Kelurahan> kelurahanByCode = new LinkedHashMap<>();
    private final STRtree tree = new STRtree();

    public GeoIndex(GeometryFactory geometryFactory, City city, Geometry cityGeometry, List<Kecamatan> kecamatan,
             List<Kelurahan> kelurahan, Map<String, Geometry> kelurahanGeometry) {
        this.geometryFactory = geometryFactory;
        this.city = city;
        this.cityOutline = PreparedGeometryFactory.prepare(cityGeometry);
        kecamatan.forEach(k -> kecamatanByCode.put(k.code(), k));
        for (Kelurahan k : kelurahan) {
            kelurahanByCode.put(k.code(), k);
            Geometry geometry = kelurahanGeometry.get(k.code());
            tree.insert(geometry.getEnvelopeInternal(), new Entry(k, geometry, PreparedGeometryFactory.prepare(geometry)));
        }
        tree.build();
    }

    public Optional<Area> locate(double lat, double lng) {
        if (!Double.isFinite(lat) || !Double.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            return Optional.empty();
        }
        Point point = geometryFactory.createPoint(new Coordinate(lng, lat));
        Entry containing = containing(point);
        if (containing != null) {
            return Optional.of(area(containing.kelurahan()));
        }
        Entry nearest = nearest(point);
        boolean nearAKelurahan = nearest != null && nearest.geometry().distance(point) <= TOLERANCE_DEGREES;
        if (nearest != null && (nearAKelurahan || cityOutline.contains(point))) {
            return Optional.of(area(nearest.kelurahan()));
        }
        return Optional.empty();
    }

    private Entry containing(Point point) {
        for (Object candidate : tree.query(point.getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            if (entry.prepared().covers(point)) {
                return entry;
            }
        }
        return null;
    }

    private Entry nearest(Point point) {
        Entry best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Object candidate : tree.query(point.buffer(0.05).getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            double distance = entry.geometry().distance(point);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = entry;
            }
        }
        return best;
    }

    private Area area(Kelurahan kelurahan) {
        return new Area(kecamatanByCode.get(kelurahan.kecamatanCode()), kelurahan);
    }

    public City city() {
        return city;
    }

    public List<Kecamatan> kecamatan() {
        return List.copyOf(kecamatanByCode.values());
    }

    public List<Kelurahan> kelurahan() {
        return List.copyOf(kelurahanByCode.values());
    }

    public Kecamatan kecamatan(String code) {
        return kecamatanByCode.get(code);
    }

    public Kelurahan kelurahan(String code) {
        return kelurahanByCode.get(code);
    }

    private record Entry(Kelurahan kelurahan, Geometry geometry, PreparedGeometry prepared) {
    }
}
