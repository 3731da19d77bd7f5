package id.go.cilegon.juare.platform;

import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

/**
 * A payload's refusal answers in the language the client asks for with Accept-Language (the dashboard sends the
 * user's choice): the same mutation refused in Bahasa Indonesia and in English; without the header, or with neither
 * language in it, Bahasa Indonesia: one language at a time, never both (ADR 0031, which changed ADR 0024's "both").
 */
class RefusalLanguageTest extends IntegrationTest {

    /** An admin renames an OPD to nothing: refused on the field "name". */
    private GraphQlTester.Response emptyName(String acceptLanguage) {
        HttpGraphQlTester admin = api().as(new Staff(api()).adminToken());
        if (acceptLanguage != null) {
            admin = admin.mutate().header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage).build();
        }
        return operation(admin, "UpdateOpd").variable("input", Map.of("code", "DKPP", "name", "")).execute();
    }

    private static String message(GraphQlTester.Response response) {
        response.path("updateOpd.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("updateOpd.errors[0].field").entity(String.class).isEqualTo("name");
        return response.path("updateOpd.errors[0].message").entity(String.class).get();
    }

    @Test
    void theSameRefusalInIndonesianOrInEnglish() {
        assertThat(message(emptyName("id"))).isEqualTo("Nama 1–200 karakter");
        assertThat(message(emptyName("en"))).isEqualTo("Name 1–200 characters");
        // a browser's header: the first of our two languages it ranks highest
        assertThat(message(emptyName("en-GB,en;q=0.9,id;q=0.8"))).isEqualTo("Name 1–200 characters");
        assertThat(message(emptyName("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7"))).isEqualTo("Nama 1–200 karakter");
        // no header, or neither language: the city's language
        assertThat(message(emptyName(null))).isEqualTo("Nama 1–200 karakter");
        assertThat(message(emptyName("fr"))).isEqualTo("Nama 1–200 karakter");
    }
}
