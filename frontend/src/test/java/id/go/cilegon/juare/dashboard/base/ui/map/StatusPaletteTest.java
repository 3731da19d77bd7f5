package id.go.cilegon.juare.dashboard.base.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import id.go.cilegon.juare.dashboard.base.i18n.TranslationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One colour and one name in each language for every status the schema has. */
class StatusPaletteTest {

    /** The schema's {@code ComplaintStatus} values, read from the graphql module's schema file. */
    static List<String> schemaStatuses() throws IOException {
        try (InputStream in = StatusPaletteTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(in).as("graphql/schema.graphqls on the classpath (the graphql module)").isNotNull();
            TypeDefinitionRegistry types = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            EnumTypeDefinition status = types.getType("ComplaintStatus", EnumTypeDefinition.class).orElseThrow();
            return status.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
        }
    }

    @Test
    void everyStatusOfTheSchemaHasItsOwnColour() throws IOException {
        List<String> statuses = schemaStatuses();
        assertThat(statuses).contains("SUBMITTED", "CLOSED");
        assertThat(StatusPalette.statuses()).containsExactlyInAnyOrderElementsOf(statuses);
        List<String> colours = statuses.stream().map(StatusPalette::color).toList();
        assertThat(colours).allMatch(c -> c.matches("#[0-9a-f]{6}"), "a CSS colour #rrggbb")
                .doesNotContain(StatusPalette.UNKNOWN_COLOR)
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnknownStatusIsGreyAndLast() {
        assertThat(StatusPalette.color("SOMETHING_NEW")).isEqualTo(StatusPalette.UNKNOWN_COLOR);
        assertThat(StatusPalette.rank("SOMETHING_NEW")).isGreaterThan(StatusPalette.rank("REJECTED"));
        assertThat(StatusPalette.rank("SUBMITTED")).as("most urgent first").isZero();
    }

    @Test
    void everyStatusHasANameInBothLanguages() throws IOException {
        TranslationProvider translations = new TranslationProvider();
        for (Locale language : TranslationProvider.LOCALES) {
            HashSet<String> names = new HashSet<>();
            for (String status : schemaStatuses()) {
                // the map's legend asks for map.status.X: the shared vocabulary answers
                String name = translations.getTranslation("map.status." + status, language);
                assertThat(name).as("map.status.%s in %s", status, language).isNotBlank().doesNotStartWith("!");
                assertThat(names.add(name)).as("%s's name is not another status's", status).isTrue();
            }
        }
    }
}
