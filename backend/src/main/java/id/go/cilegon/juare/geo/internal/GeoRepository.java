package id.go.cilegon.juare.geo.internal;

import id.go.cilegon.juare.geo.City;
import id.go.cilegon.juare.geo.GeoPoint;
import id.go.cilegon.juare.geo.Kecamatan;
import id.go.cilegon.juare.geo.Kelurahan;
import id.go.cilegon.juare.geo.GeoIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the boundaries (GeoJSON, [lng, lat]) and builds the index. */
@Repository
public class GeoRepository {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final DatabaseClient db;
    private final JsonMapper json;

    GeoRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<GeoIndex> load() {
        Mono<City> city = db.sql("SELECT code, name, boundary::text AS boundary FROM city LIMIT 1")
                .map(row -> new City(row.get("code", String.class), row.get("name", String.class), row.get("boundary", String.class)))
                .one();
        Mono<List<Kecamatan>> kecamatan = db.sql("SELECT code, name, centroid_lat, centroid_lng, boundary::text AS boundary FROM kecamatan ORDER BY code")
                .map(row -> new Kecamatan(row.get("code", String.class), row.get("name", String.class),
                        new GeoPoint(row.get("centroid_lat", Double.class), row.get("centroid_lng", Double.class)),
                        row.get("boundary", String.class)))
                .all()
                .collectList();
        Mono<List<Kelurahan>> kelurahan = db.sql("""
                        SELECT code, name, kecamatan_code, centroid_lat, centroid_lng, boundary::text AS boundary
                        FROM kelurahan ORDER BY code""")
                .map(row -> new Kelurahan(row.get("code", String.class), row.get("name", String.class),
                        row.get("kecamatan_code", String.class),
                        new GeoPoint(row.get("centroid_lat", Double.class), row.get("centroid_lng", Double.class)),
                        row.get("boundary", String.class)))
                .all()
                .collectList();
        return Mono.zip(city, kecamatan, kelurahan)
                .map(t -> build(t.getT1(), t.getT2(), t.getT3()));
    }

    private GeoIndex build(City city, List<Kecamatan> kecamatan, List<Kelurahan> kelurahan) {
        Map<String, Geometry> geometries = new HashMap<>();
        kelurahan.forEach(k -> geometries.put(k.code(), geometry(k.boundaryGeoJson())));
        return new GeoIndex(FACTORY, city, geometry(city.boundaryGeoJson()), kecamatan, kelurahan, geometries);
    }

    /** Polygon and MultiPolygon, the only types in the city's data. */
    Geometry geometry(String geoJson) {
        JsonNode node = json.readTree(geoJson);
        String type = node.get("type").asString();
        JsonNode coordinates = node.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygon(p)));
                yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("Unsupported boundary geometry " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        List<Coordinate> coordinates = new ArrayList<>(points.size() + 1);
        points.forEach(p -> coordinates.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
        if (!coordinates.getFirst().equals2D(coordinates.getLast())) {
            coordinates.add(coordinates.getFirst());
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }
}
