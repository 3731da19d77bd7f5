package id.go.cilegon.juare.geo;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One name per place: the kecamatan 36.72.06 is "Grogol" (V13_1), as its office's OPD and its kelurahan say. */
class PlaceNamesTest extends IntegrationTest {

    @Test
    void grogolIsSpelledOneWayEverywhere() {
        assertThat(db.sql("SELECT name FROM kecamatan WHERE code = '36.72.06'").map(row -> row.get("name", String.class)).one().block())
                .isEqualTo("Grogol");
        List<String> names = db.sql("SELECT name FROM kecamatan UNION ALL SELECT name FROM kelurahan UNION ALL SELECT name FROM opd")
                .map(row -> row.get("name", String.class)).all().collectList().block();
        assertThat(names).isNotEmpty().noneMatch(name -> name.contains("Gerogol"));
        assertThat(names).contains("Kecamatan Grogol");
        // what the API answers
        List<String> kecamatan = api().anonymous().document("{ kecamatanList { name } }").execute()
                .path("kecamatanList[*].name").entityList(String.class).get();
        assertThat(kecamatan).contains("Grogol").doesNotContain("Gerogol");
    }
}
