package id.go.cilegon.juare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.demo.BulkComplaints;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resident's reads in one SQL statement (ADR 0036): myComplaints and complaint(id) read the photos with the
 * complaints, and answer exactly as when the photos came from a second statement.
 */
class ReadPathStatementsTest extends IntegrationTest {

    @Autowired TokenService tokens;
    @Autowired PersonalDataCipher cipher;
    @Autowired ApplicationContext context;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Object repository;
    private Object photoService;
    private Object repositoryDb;
    private Object photoDb;

    @BeforeEach
    void countStatements() throws ClassNotFoundException {
        repository = context.getBean(Class.forName("id.go.cilegon.juare.complaint.internal.ComplaintRepository"));
        photoService = context.getBean(Class.forName("id.go.cilegon.juare.photo.PhotoService"));
        repositoryDb = ReflectionTestUtils.getField(repository, "db");
        photoDb = ReflectionTestUtils.getField(photoService, "db");
        ReflectionTestUtils.setField(repository, "db", counting((DatabaseClient) repositoryDb));
        ReflectionTestUtils.setField(photoService, "db", counting((DatabaseClient) photoDb));
    }

    @AfterEach
    void restore() {
        ReflectionTestUtils.setField(repository, "db", repositoryDb);
        ReflectionTestUtils.setField(photoService, "db", photoDb);
        Variants.oneStatement(context).accept(true);
    }

    @Test
    void myComplaintsAndComplaintByIdReadTheirPhotosInTheComplaintsStatement() {
        UUID resident = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, 25, resident).block();
        // two photos each on some complaints, filed out of id order, and one of another kind
        db.sql("""
                        INSERT INTO photo (id, owner_resident_id, complaint_id, width, height, size_bytes, created_at, kind)
                        SELECT gen_random_uuid(), resident_id, id, 1600 + n, 1200 - n, 250000, created_at + (3 - n) * interval '1 second',
                               CASE WHEN n = 2 THEN 'AFTER' ELSE 'EVIDENCE' END
                        FROM complaint, generate_series(1, 2) AS n
                        WHERE resident_id = :resident AND tracking_number ~ '[13579]$'""")
                .bind("resident", resident)
                .then().block();
        String token = tokens.residentSession(resident).block().accessToken();
        UUID newest = db.sql("SELECT id FROM complaint WHERE resident_id = :r ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("r", resident).map(row -> row.get(0, UUID.class)).one().block();
        UUID withPhotos = db.sql("SELECT complaint_id FROM photo WHERE owner_resident_id = :r LIMIT 1")
                .bind("r", resident).map(row -> row.get(0, UUID.class)).one().block();

        Map<String, Object> page = Map.of("query", OperationDocuments.load("MyComplaints"), "variables", Map.of("first", 20));
        JsonNode oneStatement = read(token, page);
        assertThat(statements).hasSize(1);
        assertThat(statements.getFirst()).contains("FROM complaint c").contains("photo_arrays");
        JsonNode edges = oneStatement.path("data").path("myComplaints").path("edges");
        assertThat(edges).hasSize(20);
        assertThat(edges.findValues("photos").stream().mapToInt(JsonNode::size).sum()).isPositive();

        String after = oneStatement.path("data").path("myComplaints").path("pageInfo").path("endCursor").asString();
        Map<String, Object> secondPage = Map.of("query", OperationDocuments.load("MyComplaints"),
                "variables", Map.of("first", 20, "after", after));
        JsonNode secondOneStatement = read(token, secondPage);
        assertThat(statements).hasSize(1);
        Map<String, Object> detail = Map.of("query", OperationDocuments.load("ComplaintDetail"), "variables", Map.of("id", withPhotos.toString()));
        JsonNode detailOneStatement = read(token, detail);
        assertThat(statements.stream().filter(s -> s.contains("photo"))).hasSize(1);
        assertThat(detailOneStatement.path("data").path("complaint").path("photos")).hasSize(2);

        Variants.oneStatement(context).accept(false);
        JsonNode twoStatements = read(token, page);
        assertThat(statements).hasSize(2);
        assertThat(secondOneStatement.path("data").path("myComplaints").path("edges")).hasSize(5);

        assertThat(withoutSignatures(oneStatement)).isEqualTo(withoutSignatures(twoStatements));
        assertThat(withoutSignatures(secondOneStatement)).isEqualTo(withoutSignatures(read(token, secondPage)));
        assertThat(withoutSignatures(detailOneStatement)).isEqualTo(withoutSignatures(read(token, detail)));
        Map<String, Object> newestDetail = Map.of("query", OperationDocuments.load("ComplaintDetail"), "variables", Map.of("id", newest.toString()));
        JsonNode newestTwo = read(token, newestDetail);
        Variants.oneStatement(context).accept(true);
        assertThat(withoutSignatures(read(token, newestDetail))).isEqualTo(withoutSignatures(newestTwo));
    }

    @Test
    void anotherResidentsComplaintStaysUnknown() {
        UUID owner = Seed.with(db, cipher).residentId();
        BulkComplaints.insert(db, 1, owner).block();
        UUID theirs = db.sql("SELECT id FROM complaint WHERE resident_id = :r").bind("r", owner)
                .map(row -> row.get(0, UUID.class)).one().block();
        String stranger = Seed.residentToken(db, tokens);

        JsonNode answer = read(stranger, Map.of("query", OperationDocuments.load("ComplaintDetail"), "variables", Map.of("id", theirs.toString())));

        assertThat(answer.path("data").path("complaint").isNull()).isTrue();
    }

    /** One read; the statements counted are those of this read only. */
    private JsonNode read(String token, Map<String, Object> body) {
        statements.clear();
        String answer = api().http().post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(body))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode node = json.readTree(answer);
        assertThat(node.has("errors")).as(answer).isFalse();
        return node;
    }

    /** Signed photo URLs carry their own expiry: everything else must be equal. */
    private static JsonNode withoutSignatures(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("url", "thumbnailUrl", "urlExpiresAt"));
        }
        node.forEach(ReadPathStatementsTest::strip);
    }

    private DatabaseClient counting(DatabaseClient delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("sql") && args != null && args.length == 1) {
                Object sql = args[0];
                String text = sql instanceof String s ? s : String.valueOf(((java.util.function.Supplier<?>) sql).get());
                if (text.contains("complaint") || text.contains("photo")) {
                    statements.add(text);
                }
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DatabaseClient) Proxy.newProxyInstance(DatabaseClient.class.getClassLoader(), new Class<?>[] {DatabaseClient.class}, handler);
    }
}
