package id.go.cilegon.juare.geo;

import id.go.cilegon.juare.geo.internal.GeoRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The city's map, loaded once from the database: lists, look-ups by code, and {@link #locate} for a point.
 * Boundaries are reference data that change with a migration, so a restart picks changes up.
 */
@Service
public class CityMap {

    private final Mono<GeoIndex> index;

    public CityMap(GeoRepository repository) {
        this.index = repository.load().cache();
    }

    /** The kecamatan and kelurahan of a point, or empty outside Kota Cilegon. */
    public Mono<Optional<Area>> locate(double lat, double lng) {
        return index.map(i -> i.locate(lat, lng));
    }

    public Mono<City> city() {
        return index.map(GeoIndex::city);
    }

    public Mono<List<Kecamatan>> kecamatan() {
        return index.map(GeoIndex::kecamatan);
    }

    public Mono<List<Kelurahan>> kelurahan() {
        return index.map(GeoIndex::kelurahan);
    }

    public Mono<Kecamatan> kecamatan(String code) {
        return index.mapNotNull(i -> i.kecamatan(code));
    }

    public Mono<Kelurahan> kelurahan(String code) {
        return index.mapNotNull(i -> i.kelurahan(code));
    }

    /** The loaded index, for callers that look up many codes at once. */
    public Mono<GeoIndex> index() {
        return index;
    }
}
