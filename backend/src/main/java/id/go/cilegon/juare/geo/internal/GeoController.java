package id.go.cilegon.juare.geo.internal;

import id.go.cilegon.juare.platform.PlainField;
import id.go.cilegon.juare.geo.Area;
import id.go.cilegon.juare.geo.City;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.Kecamatan;
import id.go.cilegon.juare.geo.Kelurahan;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Kecamatan, Kelurahan, City and locate: reference data served from memory. */
@Controller
class GeoController {

    private final CityMap cityMap;

    GeoController(CityMap cityMap) {
        this.cityMap = cityMap;
    }

    @QueryMapping
    Mono<City> city() {
        return cityMap.city();
    }

    @QueryMapping
    Mono<List<Kecamatan>> kecamatanList() {
        return cityMap.kecamatan();
    }

    @QueryMapping
    Mono<List<Kelurahan>> kelurahanList(@Argument String kecamatanCode) {
        return cityMap.kelurahan()
                .map(all -> kecamatanCode == null ? all : all.stream().filter(k -> k.kecamatanCode().equals(kecamatanCode)).toList());
    }

    @QueryMapping
    Mono<Area> locate(@Argument LocationInput location) {
        return cityMap.locate(location.lat(), location.lng())
                .mapNotNull(area -> area.orElse(null));
    }

    /** The BPS code is the cache identity: stable, unique among kecamatan, what kecamatanCode arguments take (docs/adr/0028). */
    @PlainField
    @SchemaMapping(typeName = "Kecamatan", field = "id")
    String kecamatanId(Kecamatan kecamatan) {
        return kecamatan.code();
    }

    /** The code, as for Kecamatan. */
    @PlainField
    @SchemaMapping(typeName = "Kelurahan", field = "id")
    String kelurahanId(Kelurahan kelurahan) {
        return kelurahan.code();
    }

    /** The code, as for Kecamatan. */
    @PlainField
    @SchemaMapping(typeName = "City", field = "id")
    String cityId(City city) {
        return city.code();
    }

    @PlainField
    @SchemaMapping(typeName = "Kecamatan", field = "kelurahan")
    Mono<List<Kelurahan>> kelurahanOf(Kecamatan kecamatan) {
        return kelurahanList(kecamatan.code());
    }

    @PlainField
    @SchemaMapping(typeName = "Kelurahan", field = "kecamatan")
    Mono<Kecamatan> kecamatanOf(Kelurahan kelurahan) {
        return cityMap.kecamatan(kelurahan.kecamatanCode());
    }

    record LocationInput(double lat, double lng) {
    }
}
