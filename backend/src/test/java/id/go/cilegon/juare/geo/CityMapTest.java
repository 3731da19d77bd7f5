package id.go.cilegon.juare.geo;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reference geography from the migrations, and point-in-polygon against the kelurahan boundaries. */
class CityMapTest extends IntegrationTest {

    @Autowired CityMap cityMap;

    @Test
    void everyKelurahanCentroidLiesInItsOwnKelurahan() {
        for (Kelurahan kelurahan : cityMap.kelurahan().block()) {
            Optional<Area> area = cityMap.locate(kelurahan.centroid().lat(), kelurahan.centroid().lng()).block();
            assertThat(area).as(kelurahan.name()).isPresent();
            assertThat(area.get().kecamatan().code()).as(kelurahan.name()).isEqualTo(kelurahan.kecamatanCode());
        }
    }

    @Test
    void pointsOutsideTheCityAreNotLocated() {
        assertThat(cityMap.locate(TestData.JAKARTA_LAT, TestData.JAKARTA_LNG).block()).isEmpty();
        assertThat(cityMap.locate(-6.0, 105.80).block()).as("Sunda Strait").isEmpty();
        assertThat(cityMap.locate(-5.80, 106.02).block()).as("Java Sea, north of Merak").isEmpty();
        assertThat(cityMap.locate(Double.NaN, 106.0).block()).isEmpty();
    }

    @Test
    void theReferenceDataIsComplete() {
        assertThat(cityMap.kecamatan().block()).hasSize(8);
        assertThat(cityMap.kelurahan().block()).hasSize(43);
        operation(api().anonymous(), "ReferenceData").execute()
                .path("categories").entityList(Object.class).hasSize(23)
                .path("opds").entityList(Object.class).hasSize(31)
                .path("kecamatanList[0].kelurahan").entityList(Object.class).hasSize(6)
                .path("categories[0].defaultOpd.code").entity(String.class).isEqualTo("DPUPR");
        operation(api().anonymous(), "Locate")
                .variable("location", Map.of("lat", TestData.CILEGON_LAT, "lng", TestData.CILEGON_LNG))
                .execute()
                .path("locate.kelurahan.name").entity(String.class).isEqualTo("Ciwedus");
        operation(api().anonymous(), "CityMap").execute()
                .path("city.boundaryGeoJson").entity(String.class).satisfies(g -> assertThat(g).contains("MultiPolygon"));
    }
}
