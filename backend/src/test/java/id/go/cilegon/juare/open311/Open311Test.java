package id.go.cilegon.juare.open311;

import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.Images;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.Staff;
import id.go.cilegon.juare.support.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Open311 GeoReport v2 over real HTTP, JSON and XML: every endpoint, the error shape, privacy and idempotency. */
class Open311Test extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Document xml() {
            try {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError("not XML: " + body, e);
            }
        }
    }

    private Answer get(String path, String... headers) {
        WebTestClient.RequestHeadersSpec<?> spec = api().http().get().uri(path);
        for (int i = 0; i < headers.length; i += 2) {
            spec = spec.header(headers[i], headers[i + 1]);
        }
        return exchange(spec);
    }

    private Answer post(String path, MultiValueMap<String, String> form, String... headers) {
        WebTestClient.RequestHeadersSpec<?> spec = api().http().post().uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form));
        for (int i = 0; i < headers.length; i += 2) {
            spec = spec.header(headers[i], headers[i + 1]);
        }
        return exchange(spec);
    }

    private static Answer exchange(WebTestClient.RequestHeadersSpec<?> spec) {
        var result = spec.exchange().expectBody(String.class).returnResult();
        MediaType type = result.getResponseHeaders().getContentType();
        return new Answer(result.getStatus().value(), type == null ? null : type.toString(), result.getResponseBody());
    }

    private static MultiValueMap<String, String> report(String apiKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (apiKey != null) {
            form.add("api_key", apiKey);
        }
        form.add("service_code", "JALAN");
        form.add("lat", Double.toString(TestData.CILEGON_LAT));
        form.add("long", Double.toString(TestData.CILEGON_LNG));
        form.add("address_string", "Jl. Ciwedus No. 1");
        form.add("description", "Lubang besar di depan sekolah, berbahaya untuk motor di malam hari.");
        return form;
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String key, String value) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(form);
        copy.set(key, value);
        return copy;
    }

    private String filed(Api.Resident resident, MultiValueMap<String, String> form) {
        Answer created = post("/open311/v2/requests.json", form);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get(0).get("service_request_id").asString();
    }

    private long complaintsOf(Api.Resident resident) {
        return db.sql("SELECT count(*) FROM complaint WHERE resident_id = :r").bind("r", UUID.fromString(resident.id()))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private static void isError(Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode errors = answer.json();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        assertThat(errors.get(0).get("description").asString()).isNotBlank();
        if (errorCode != null) {
            assertThat(errors.get(0).get("error_code").asString()).isEqualTo(errorCode);
        }
    }

    private static void isXmlError(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/xml");
        Element root = answer.xml().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        Element error = (Element) root.getElementsByTagName("error").item(0);
        assertThat(text(error, "code")).isEqualTo(Integer.toString(status));
        assertThat(text(error, "description")).isNotBlank();
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static List<String> ids(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().forEach(request -> ids.add(request.get("service_request_id").asString()));
        return ids;
    }

    @Test
    void discoveryServicesAndDefinitionsInJsonAndXml() {
        Answer discovery = get("/open311/v2/discovery.json");
        assertThat(discovery.status()).isEqualTo(200);
        JsonNode endpoint = discovery.json().get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).isEqualTo("http://localhost:" + port + "/open311/v2");
        assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");
        Document discoveryXml = get("/open311/v2/discovery.xml").xml();
        assertThat(discoveryXml.getDocumentElement().getTagName()).isEqualTo("discovery");
        assertThat(discoveryXml.getElementsByTagName("endpoint").getLength()).isEqualTo(1);
        assertThat(discoveryXml.getElementsByTagName("format").getLength()).isEqualTo(2);

        Answer services = get("/open311/v2/services.json");
        assertThat(services.contentType()).startsWith("application/json");
        JsonNode road = null;
        for (JsonNode service : services.json()) {
            if (service.get("service_code").asString().equals("JALAN")) {
                road = service;
            }
        }
        assertThat(road).isNotNull();
        assertThat(road.get("service_name").asString()).isEqualTo("Jalan rusak atau berlubang");
        assertThat(road.get("metadata").asBoolean()).isFalse();
        assertThat(road.get("type").asString()).isEqualTo("realtime");
        assertThat(road.get("group").asString()).isNotBlank();
        assertThat(get("/open311/v2/services.json", HttpHeaders.ACCEPT_LANGUAGE, "en").body()).contains("\"Damaged road\"");

        Answer servicesXml = get("/open311/v2/services.xml");
        assertThat(servicesXml.contentType()).startsWith("text/xml");
        assertThat(servicesXml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element root = servicesXml.xml().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        NodeList items = root.getElementsByTagName("service");
        assertThat(items.getLength()).isEqualTo(services.json().size());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            codes.add(text((Element) items.item(i), "service_code"));
        }
        assertThat(codes).contains("JALAN", "PERLINDUNGAN");
        assertThat(text((Element) items.item(0), "metadata")).isEqualTo("false");

        Answer definition = get("/open311/v2/services/JALAN.json");
        assertThat(definition.status()).isEqualTo(200);
        assertThat(definition.json().get("service_code").asString()).isEqualTo("JALAN");
        assertThat(definition.json().get("attributes").isArray()).isTrue();
        assertThat(get("/open311/v2/services/JALAN.xml").xml().getDocumentElement().getTagName()).isEqualTo("service_definition");

        isError(get("/open311/v2/services/NO_SUCH.json"), 404, "UNKNOWN_CATEGORY");
        isXmlError(get("/open311/v2/services/NO_SUCH.xml"), 404);
        isError(get("/open311/v2/tokens/abc.json"), 404, "NOT_FOUND");
        isError(get("/open311/v2/services.json?jurisdiction_id=elsewhere.example"), 404, "NOT_FOUND");
        assertThat(get("/open311/v2/services.json?jurisdiction_id=cilegon.go.id").status()).isEqualTo(200);
    }

    @Test
    void aResidentFilesARequestAndReadsItInJsonAndXml() {
        Api.Resident resident = api().newResident();
        String photo = api().uploadedPhotoId(resident.token(), Images.jpeg(800, 600));
        String id = filed(resident, with(report(resident.token()), "media_url", "/api/photos/" + photo));

        Answer one = get("/open311/v2/requests/" + id + ".json?api_key=" + resident.token());
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        JsonNode request = one.json().get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("JALAN");
        assertThat(request.get("service_name").asString()).isEqualTo("Jalan rusak atau berlubang");
        assertThat(request.get("address").asString()).isEqualTo("Jl. Ciwedus No. 1");
        assertThat(request.get("lat").asDouble()).isEqualTo(TestData.CILEGON_LAT);
        assertThat(request.get("long").asDouble()).isEqualTo(TestData.CILEGON_LNG);
        assertThat(request.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        // a signed URL (ADR 0032): an Open311 client shows it with no token
        String mediaUrl = request.get("media_url").asString();
        assertThat(mediaUrl).startsWith("http://localhost:" + port + "/api/photos/" + photo + "?exp=");
        api().http().get().uri(java.net.URI.create(mediaUrl)).exchange().expectStatus().isOk();
        assertThat(request.get("service_notice").asString()).matches("Nomor pengaduan [2-9A-Z]{3}-[2-9A-Z]{4}");
        // the same complaint GraphQL shows its resident
        operation(api().as(resident.token()), "ComplaintDetail").variable("id", id).execute()
                .path("complaint.category.code").entity(String.class).isEqualTo("JALAN");

        // the bearer header works as well as api_key
        Answer xml = get("/open311/v2/requests/" + id + ".xml", HttpHeaders.AUTHORIZATION, "Bearer " + resident.token());
        assertThat(xml.contentType()).startsWith("text/xml");
        Element root = xml.xml().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element item = (Element) root.getElementsByTagName("request").item(0);
        assertThat(text(item, "service_request_id")).isEqualTo(id);
        assertThat(text(item, "status")).isEqualTo("open");
        assertThat(text(item, "requested_datetime")).endsWith("+07:00");

        Answer list = get("/open311/v2/requests.json?api_key=" + resident.token());
        assertThat(ids(list)).contains(id);
        Answer listXml = get("/open311/v2/requests.xml?api_key=" + resident.token());
        assertThat(listXml.xml().getDocumentElement().getElementsByTagName("request").getLength()).isEqualTo(ids(list).size());

        // never a person's data: NIK, phone, name
        for (Answer answer : List.of(one, xml, list, listXml)) {
            assertThat(answer.body()).doesNotContain(resident.nik(), resident.phone(), resident.phone().substring(1), "Warga Uji");
        }
    }

    @Test
    void aRetryGetsTheSameIdAndAReusedKeyWithAnotherBodyIsRefused() {
        Api.Resident resident = api().newResident();
        String key = newRequestId();
        MultiValueMap<String, String> form = with(report(resident.token()), "attribute[client_request_id]", key);
        String first = filed(resident, form);
        assertThat(filed(resident, form)).isEqualTo(first);

        // the same key in the header: the same request
        Answer byHeader = post("/open311/v2/requests.json", report(resident.token()), "Idempotency-Key", key);
        assertThat(byHeader.json().get(0).get("service_request_id").asString()).isEqualTo(first);

        Answer reused = post("/open311/v2/requests.json",
                with(form, "description", "Lampu jalan mati sejak seminggu, gelap sekali di malam hari."));
        isError(reused, 409, "IDEMPOTENCY_KEY_REUSED");
        Answer reusedXml = post("/open311/v2/requests.xml", with(report(resident.token()), "service_code", "SAMPAH"),
                "Idempotency-Key", key);
        isXmlError(reusedXml, 409);
        assertThat(complaintsOf(resident)).isEqualTo(1);

        // the token as a bearer header instead of api_key
        Answer bearer = post("/open311/v2/requests.json", report(null), HttpHeaders.AUTHORIZATION, "Bearer " + resident.token(),
                "Idempotency-Key", key);
        assertThat(bearer.json().get(0).get("service_request_id").asString()).isEqualTo(first);

        // without a key, each POST is a new request
        assertThat(filed(resident, report(resident.token()))).isNotEqualTo(filed(resident, report(resident.token())));
    }

    @Test
    void refusalsAreInTheSpecsShapeAndStoreNothing() {
        Api.Resident resident = api().newResident();
        isError(post("/open311/v2/requests.json", report(null)), 403, "UNAUTHENTICATED");
        isXmlError(post("/open311/v2/requests.xml", report("not-a-token")), 403);
        isError(post("/open311/v2/requests.json", report(null), HttpHeaders.AUTHORIZATION, "Bearer expired.or.forged"), 403, "UNAUTHENTICATED");
        Staff.Member operator = new Staff(api()).operator();
        isError(post("/open311/v2/requests.json", report(operator.token())), 403, "FORBIDDEN");

        String token = resident.token();
        isError(post("/open311/v2/requests.json", with(report(token), "service_code", "NO_SUCH")), 404, "UNKNOWN_CATEGORY");
        MultiValueMap<String, String> noCode = report(token);
        noCode.remove("service_code");
        isError(post("/open311/v2/requests.json", noCode), 400, "INVALID_INPUT");
        MultiValueMap<String, String> addressOnly = report(token);
        addressOnly.remove("lat");
        addressOnly.remove("long");
        isError(post("/open311/v2/requests.json", addressOnly), 400, "INVALID_INPUT");
        isError(post("/open311/v2/requests.json", with(with(report(token), "lat", Double.toString(TestData.JAKARTA_LAT)),
                "long", Double.toString(TestData.JAKARTA_LNG))), 400, "NOT_IN_CILEGON");
        isError(post("/open311/v2/requests.json", with(report(token), "lat", "north")), 400, "INVALID_INPUT");
        isError(post("/open311/v2/requests.json", with(report(token), "description", "pendek")), 400, "DESCRIPTION_LENGTH");
        isError(post("/open311/v2/requests.json", with(report(token), "description", "Lubang besar\u0000 di depan sekolah")),
                400, "INVALID_INPUT");
        isError(post("/open311/v2/requests.json", with(report(token), "media_url", "http://169.254.169.254/latest/meta-data")),
                400, "INVALID_INPUT");
        isError(post("/open311/v2/requests.json", with(report(token), "media_url", "/api/photos/" + UUID.randomUUID())),
                400, "PHOTO_NOT_FOUND");
        isError(post("/open311/v2/requests.json", with(report(token), "description", "x".repeat(20_000))), 413, "PAYLOAD_TOO_LARGE");
        Answer english = post("/open311/v2/requests.json", with(report(token), "service_code", "NO_SUCH"),
                HttpHeaders.ACCEPT_LANGUAGE, "en");
        assertThat(english.json().get(0).get("description").asString()).isEqualTo("service_code not found");
        assertThat(complaintsOf(resident)).isZero();
    }

    @Test
    void eachSeesWhatGraphQlShowsThemAndConfidentialOnesOnlyTheirFiler() {
        Api.Resident owner = api().newResident();
        Api.Resident other = api().newResident();
        String open = filed(owner, report(owner.token()));
        String confidential = filed(owner, with(report(owner.token()), "attribute[confidential]", "true"));
        Staff.Member operator = new Staff(api()).operator();

        assertThat(ids(get("/open311/v2/requests.json?api_key=" + owner.token()))).contains(open, confidential);
        assertThat(get("/open311/v2/requests/" + confidential + ".json?api_key=" + owner.token()).status()).isEqualTo(200);

        // another resident: not theirs, the same answer as an unknown id
        assertThat(ids(get("/open311/v2/requests.json?api_key=" + other.token()))).doesNotContain(open, confidential);
        isError(get("/open311/v2/requests/" + open + ".json?api_key=" + other.token()), 404, "NOT_FOUND");
        isError(get("/open311/v2/requests/" + UUID.randomUUID() + ".json?api_key=" + other.token()), 404, "NOT_FOUND");
        isError(get("/open311/v2/requests/not-an-id.json?api_key=" + other.token()), 404, "NOT_FOUND");
        isXmlError(get("/open311/v2/requests/" + open + ".xml?api_key=" + other.token()), 404);
        assertThat(ids(get("/open311/v2/requests.json?api_key=" + other.token() + "&service_request_id=" + open))).isEmpty();

        // nobody: no public list, as in GraphQL
        isError(get("/open311/v2/requests.json"), 403, "UNAUTHENTICATED");
        isError(get("/open311/v2/requests/" + open + ".json"), 403, "UNAUTHENTICATED");

        // an operator sees every complaint, less the confidential ones
        List<String> operatorSees = ids(get("/open311/v2/requests.json?service_request_id=" + open + "," + confidential,
                HttpHeaders.AUTHORIZATION, "Bearer " + operator.token()));
        assertThat(operatorSees).containsExactly(open);
        isError(get("/open311/v2/requests/" + confidential + ".json", HttpHeaders.AUTHORIZATION, "Bearer " + operator.token()),
                404, "NOT_FOUND");
        // an OPD sees only what is with it
        Staff.Member responder = new Staff(api()).responder("DPUPR");
        isError(get("/open311/v2/requests/" + open + ".json?api_key=" + responder.token()), 404, "NOT_FOUND");
    }

    @Test
    void theStandardFiltersAndTheWindow() {
        Api.Resident resident = api().newResident();
        String road = filed(resident, report(resident.token()));
        String rubbish = filed(resident, with(report(resident.token()), "service_code", "SAMPAH"));
        String key = "api_key=" + resident.token();

        assertThat(ids(get("/open311/v2/requests.json?" + key + "&service_code=JALAN"))).contains(road).doesNotContain(rubbish);
        assertThat(ids(get("/open311/v2/requests.json?" + key + "&service_code=JALAN,SAMPAH"))).contains(road, rubbish);
        assertThat(ids(get("/open311/v2/requests.json?" + key + "&status=open"))).contains(road, rubbish);
        assertThat(ids(get("/open311/v2/requests.json?" + key + "&status=closed"))).isEmpty();
        assertThat(ids(get("/open311/v2/requests.json?" + key + "&service_request_id=" + rubbish))).containsExactly(rubbish);
        assertThat(ids(get("/open311/v2/requests.json?" + key + "&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z")))
                .isEmpty();
        assertThat(ids(get("/open311/v2/requests.json?" + key + "&end_date=2099-01-01T00:00:00Z"))).isEmpty();
        isError(get("/open311/v2/requests.json?" + key + "&start_date=2020-01-01T00:00:00Z&end_date=2021-01-01T00:00:00Z"),
                400, "INVALID_INPUT");
        isError(get("/open311/v2/requests.json?" + key + "&start_date=yesterday"), 400, "INVALID_INPUT");
        isError(get("/open311/v2/requests.json?" + key + "&status=pending"), 400, "INVALID_INPUT");
    }

    @Test
    void theOpdItsReplyAndTheFixDeadlineShowOnceDispatched() {
        Api.Resident resident = api().newResident();
        String id = filed(resident, report(resident.token()));
        Staff staff = new Staff(api());
        operation(api().as(staff.operator().token()), "Dispatch")
                .variable("input", Map.of("complaintId", id, "opdCode", "DPUPR")).execute()
                .path("dispatch.errors").entityList(Object.class).hasSize(0);
        operation(api().as(staff.responder("DPUPR").token()), "Reply")
                .variable("input", Map.of("complaintId", id, "message", "Tim kami akan menambal lubang ini minggu ini."))
                .execute()
                .path("reply.errors").entityList(Object.class).hasSize(0);

        JsonNode request = get("/open311/v2/requests/" + id + ".json?api_key=" + resident.token()).json().get(0);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("agency_responsible").asString()).isNotBlank();
        assertThat(request.get("status_notes").asString()).isEqualTo("Tim kami akan menambal lubang ini minggu ini.");
        assertThat(request.get("expected_datetime").asString()).endsWith("+07:00");
        // now with the OPD: its responder sees it too
        assertThat(get("/open311/v2/requests/" + id + ".json?api_key=" + staff.responder("DPUPR").token()).status()).isEqualTo(200);
    }
}
