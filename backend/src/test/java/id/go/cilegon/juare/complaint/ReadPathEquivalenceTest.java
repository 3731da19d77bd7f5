package id.go.cilegon.juare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.BulkComplaints;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.photo.PhotoUrls;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ADR 0042's read path answers exactly as the path before it: the same documents, as a resident and as staff, with
 * every step switched off (the path of ADR 0036) and on — plain fields, the keyed Mac, the cached cost figures, the
 * selection read from the document, the timestamp parser.
 */
class ReadPathEquivalenceTest extends IntegrationTest {

    @Autowired TokenService tokens;
    @Autowired PersonalDataCipher cipher;
    @Autowired PhotoUrls photoUrls;
    @Autowired ApplicationContext context;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void allOn() {
        steps().forEach(step -> step.accept(true));
    }

    @Test
    void everyStepAnswersAsBefore() {
        UUID resident = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, 12, resident).block();
        db.sql("""
                        INSERT INTO photo (id, owner_resident_id, complaint_id, width, height, size_bytes, created_at)
                        SELECT gen_random_uuid(), resident_id, id, 1600, 1200, 250000, created_at + n * interval '1 second'
                        FROM complaint, generate_series(1, 2) AS n
                        WHERE resident_id = :resident AND tracking_number ~ '[13579]$'""")
                .bind("resident", resident)
                .then().block();
        String residentToken = tokens.residentSession(resident).block().accessToken();
        UUID withPhotos = db.sql("SELECT complaint_id FROM photo WHERE owner_resident_id = :r LIMIT 1")
                .bind("r", resident).map(row -> row.get(0, UUID.class)).one().block();
        Staff staff = new Staff(api());
        String operator = staff.operator().token();
        String admin = staff.adminToken();

        List<Object[]> reads = List.of(
                new Object[] {residentToken, "MyComplaints", Map.of("first", 20)},
                new Object[] {residentToken, "ComplaintDetail", Map.of("id", withPhotos.toString())},
                new Object[] {operator, "StaffComplaintDetail", Map.of("id", withPhotos.toString())},
                new Object[] {operator, "IntakeQueue", Map.of("first", 20)},
                new Object[] {operator, "ReferenceData", Map.of()},
                new Object[] {admin, "StaffAccounts", Map.of()});

        List<JsonNode> after = new ArrayList<>();
        for (Object[] read : reads) {
            after.add(read((String) read[0], (String) read[1], (Map<?, ?>) read[2]));
        }
        assertThat(after.getFirst().path("data").path("myComplaints").path("edges")).hasSize(12);
        assertThat(after.get(1).path("data").path("complaint").path("photos")).hasSize(2);
        assertThat(after.get(1).path("data").path("complaint").path("location").path("lat").isNumber()).isTrue();
        assertThat(after.get(1).path("data").path("complaint").path("kelurahan").path("name").asString()).isNotEmpty();
        assertThat(after.get(4).path("data").path("categories").findValues("defaultOpd")).isNotEmpty();
        assertValidUrls(after.get(1));
        assertThat(fetcher("Complaint", "location")).isInstanceOf(LightDataFetcher.class);
        assertThat(fetcher("Photo", "url")).isInstanceOf(LightDataFetcher.class);
        assertThat(fetcher("Complaint", "timeline")).isInstanceOf(LightDataFetcher.class);
        assertThat(fetcher("Query", "complaint")).isNotInstanceOf(LightDataFetcher.class);
        assertThat(driverExtensions()).anyMatch(e -> e.getClass().getName().contains("TimestampTextCodec"));

        steps().forEach(step -> step.accept(false));
        assertThat(fetcher("Complaint", "location")).isNotInstanceOf(LightDataFetcher.class);
        for (int i = 0; i < reads.size(); i++) {
            Object[] read = reads.get(i);
            JsonNode before = read((String) read[0], (String) read[1], (Map<?, ?>) read[2]);
            assertThat(withoutSignatures(after.get(i))).as((String) read[1]).isEqualTo(withoutSignatures(before));
        }
    }

    /** The fetcher of a field in the engine that serves requests now. */
    private DataFetcher<?> fetcher(String type, String field) {
        GraphQLSchema schema = context.getBean(GraphQlSource.class).graphQl().getGraphQLSchema();
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field),
                schema.getObjectType(type).getFieldDefinition(field));
    }

    /** The extensions the database driver was configured with (our timestamp codec's among them). */
    private List<?> driverExtensions() {
        Object factory = context.getBean(io.r2dbc.spi.ConnectionFactory.class);
        while (factory instanceof io.r2dbc.spi.Wrapped<?> wrapped && wrapped.unwrap() != null && wrapped.unwrap() != factory) {
            factory = wrapped.unwrap();
        }
        Object configuration = org.springframework.test.util.ReflectionTestUtils.getField(factory, "configuration");
        return (List<?>) org.springframework.test.util.ReflectionTestUtils.getField(configuration, "extensions");
    }

    private List<Consumer<Boolean>> steps() {
        return List.of(Variants.plainFields(context), Variants.keyedMac(context), Variants.cachedFigures(context),
                Variants.selectionFromDocument(context), Variants.timestampParser(context));
    }

    /** The URLs signed by a copy of the keyed Mac verify as before. */
    private void assertValidUrls(JsonNode answer) {
        List<JsonNode> urls = new ArrayList<>(answer.findValues("url"));
        urls.addAll(answer.findValues("thumbnailUrl"));
        assertThat(urls).isNotEmpty();
        for (JsonNode url : urls) {
            URI uri = URI.create(url.asString());
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            String[] path = uri.getPath().split("/");
            boolean thumbnail = uri.getPath().endsWith("/thumbnail");
            UUID id = UUID.fromString(path[3]);
            assertThat(photoUrls.valid(id, thumbnail, query.get(PhotoUrls.EXPIRES), query.get(PhotoUrls.SIGNATURE))).as(uri.toString()).isTrue();
        }
    }

    private JsonNode read(String token, String document, Map<?, ?> variables) {
        String answer = api().http().post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(Map.of("query", OperationDocuments.load(document), "variables", variables)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode node = json.readTree(answer);
        assertThat(node.has("errors")).as(answer).isFalse();
        return node;
    }

    /** Signed photo URLs carry their own expiry (and the seconds left tick): everything else must be equal. */
    private static JsonNode withoutSignatures(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("url", "thumbnailUrl", "urlExpiresAt", "ktpPhotoUrl", "ktpThumbnailUrl",
                    "replySecondsLeft", "fixSecondsLeft"));
        }
        node.forEach(ReadPathEquivalenceTest::strip);
    }
}
