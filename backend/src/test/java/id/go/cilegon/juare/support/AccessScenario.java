package id.go.cilegon.juare.support;

import static id.go.cilegon.juare.support.Api.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Complaints of two residents, two OPDs and the command centre at one spot, for field-level access tests: every
 * kind of caller, and complaints each may or may not see.
 * <ul>
 *     <li>C1: the owner's, with DPUPR (a photo, an operator's note, a DPUPR reply and internal note)</li>
 *     <li>Z: the owner's, first with DLH (a DLH internal note, reply and transfer request), then rerouted to DPUPR</li>
 *     <li>S: the other resident's, not yet dispatched</li>
 *     <li>W: the other resident's, with DLH (a DLH internal note)</li>
 *     <li>D: the owner's, marked a duplicate of W</li>
 * </ul>
 * Each complaint is about 20 m from the next (possible duplicates of one another, separate map markers).
 */
public final class AccessScenario {

    /** The kinds of caller, relative to the owner's complaints and DPUPR. */
    public enum Who { ANONYMOUS, OWNER, OTHER_RESIDENT, OPERATOR, OPD, OTHER_OPD, OPD_HEAD, MAYOR, ADMIN }

    private static final AtomicInteger SPOTS = new AtomicInteger();

    public final Api api;
    public final Map<Who, String> tokens = new LinkedHashMap<>();
    public final Staff.Member operator;
    public final Staff.Member dpupr;
    public final Staff.Member dlh;
    public final Staff.Member mayor;
    /** Complaint ids by their letter, and back. */
    public final Map<String, String> ids = new LinkedHashMap<>();
    public final Map<String, String> trackingNumbers = new LinkedHashMap<>();
    public final String dlhNote = "rahasia-dlh-" + UUID.randomUUID();
    public final String dpuprNote = "catatan-dpupr-" + UUID.randomUUID();
    public final String operatorNote = "catatan-operator-" + UUID.randomUUID();
    public final double lat;
    public final double lng;
    /** The last event before the scenario, and the scenario's last event. */
    public final long firstEventAfter;
    public final long lastEvent;

    private AccessScenario(Api api) {
        this.api = api;
        Staff staff = new Staff(api);
        // a spot of its own per scenario, so that other tests' complaints are not possible duplicates here
        int spot = SPOTS.incrementAndGet();
        lat = TestData.CILEGON_LAT - 0.004 * spot;
        lng = TestData.CILEGON_LNG + 0.001;
        Api.Resident owner = api.newResident();
        Api.Resident other = api.newResident();
        operator = staff.operator();
        dpupr = staff.responder("DPUPR");
        dlh = staff.responder("DLH");
        mayor = staff.create("MAYOR", null);
        tokens.put(Who.ANONYMOUS, null);
        tokens.put(Who.OWNER, owner.token());
        tokens.put(Who.OTHER_RESIDENT, other.token());
        tokens.put(Who.OPERATOR, operator.token());
        tokens.put(Who.OPD, dpupr.token());
        tokens.put(Who.OTHER_OPD, dlh.token());
        tokens.put(Who.OPD_HEAD, staff.create("OPD_HEAD", "DPUPR").token());
        tokens.put(Who.MAYOR, mayor.token());
        tokens.put(Who.ADMIN, staff.adminToken());
        firstEventAfter = latestEventId();

        String photo = api.uploadedPhotoId(owner.token(), Images.jpeg(640, 480));
        String c1 = submit(owner.token(), "C1", 0, List.of(photo));
        act(operator.token(), "Dispatch", Map.of("complaintId", c1, "opdCode", "DPUPR", "note", operatorNote));
        act(dpupr.token(), "Reply", Map.of("complaintId", c1, "message", "Tim DPUPR akan memperbaiki jalan ini minggu ini."));
        act(dpupr.token(), "AddInternalNote", Map.of("complaintId", c1, "note", dpuprNote));

        String z = submit(owner.token(), "Z", 1, List.of());
        act(operator.token(), "Dispatch", Map.of("complaintId", z, "opdCode", "DLH"));
        act(dlh.token(), "AddInternalNote", Map.of("complaintId", z, "note", dlhNote));
        act(dlh.token(), "Reply", Map.of("complaintId", z, "message", "Laporan diterima, kami periksa ke lokasi."));
        act(dlh.token(), "RequestTransfer", Map.of("complaintId", z, "reason", "Jalan rusak urusan DPUPR " + dlhNote));
        act(operator.token(), "Reroute", Map.of("complaintId", z, "opdCode", "DPUPR", "misrouted", true, "note", "Kewenangan DPUPR, bukan OPD ini."));
        act(dpupr.token(), "AddInternalNote", Map.of("complaintId", z, "note", dpuprNote));

        submit(other.token(), "S", 2, List.of());
        String w = submit(other.token(), "W", 3, List.of());
        act(operator.token(), "Dispatch", Map.of("complaintId", w, "opdCode", "DLH"));
        act(dlh.token(), "AddInternalNote", Map.of("complaintId", w, "note", dlhNote));

        String d = submit(owner.token(), "D", 4, List.of());
        act(operator.token(), "MarkDuplicate", Map.of("complaintId", d, "duplicateOfId", w));
        // the scenario's last event: one every staff member who sees C1 sees
        act(operator.token(), "AddInternalNote", Map.of("complaintId", c1, "note", operatorNote));
        lastEvent = latestEventId();
    }

    public static AccessScenario create(Api api) {
        return new AccessScenario(api);
    }

    public String id(String letter) {
        return ids.get(letter);
    }

    /** The letters of the scenario's complaints among these ids, sorted and joined ("NONE" when none). */
    public String letters(java.util.Collection<?> complaintIds) {
        TreeSet<String> letters = new TreeSet<>();
        for (Object complaintId : complaintIds) {
            ids.forEach((letter, id) -> {
                if (id.equals(complaintId)) {
                    letters.add(letter);
                }
            });
        }
        return letters.isEmpty() ? "NONE" : String.join(",", letters);
    }

    private String submit(String token, String letter, int step, List<String> photoIds) {
        Map<String, Object> input = new HashMap<>(Api.complaintInput(Api.newRequestId(), photoIds));
        input.put("location", Map.of("lat", lat, "lng", lng + 0.0002 * step));
        input.put("description", "Pengaduan uji akses " + letter + ": jalan berlubang dan membahayakan pengendara.");
        var response = operation(api.as(token), "SubmitComplaint").variable("input", input).execute();
        response.path("submitComplaint.errors").entityList(Object.class).hasSize(0);
        String id = response.path("submitComplaint.complaint.id").entity(String.class).get();
        ids.put(letter, id);
        trackingNumbers.put(letter, response.path("submitComplaint.complaint.trackingNumber").entity(String.class).get());
        return id;
    }

    private void act(String token, String operationName, Map<String, Object> input) {
        String field = Character.toLowerCase(operationName.charAt(0)) + operationName.substring(1);
        operation(api.as(token), operationName).variable("input", input).execute()
                .path(field + ".errors").entityList(Object.class).hasSize(0);
    }

    private long latestEventId() {
        return Long.parseLong(operation(api.as(operator.token()), "LatestComplaintEventId").execute()
                .path("latestComplaintEventId").entity(String.class).get());
    }

    // ---------- asking as one kind of caller ----------

    /** The GraphQL response as JSON maps: {data, errors}. */
    public Map<String, Object> post(Who who, String document, Map<String, Object> variables) {
        WebTestClient.RequestBodySpec request = api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (tokens.get(who) != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(who));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return request.bodyValue(body).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    /** FORBIDDEN or UNAUTHENTICATED when the response has such an error, else null. */
    @SuppressWarnings("unchecked")
    public static String refusal(Map<String, Object> response) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
        for (Map<String, Object> error : errors) {
            Map<String, Object> extensions = (Map<String, Object>) error.getOrDefault("extensions", Map.of());
            Object code = extensions.get("code");
            if ("FORBIDDEN".equals(code) || "UNAUTHENTICATED".equals(code)) {
                return code.toString();
            }
        }
        return errors.isEmpty() ? null : "ERROR " + errors;
    }

    /** The value at a dotted path of the response's data (null if any step is missing). */
    @SuppressWarnings("unchecked")
    public static Object at(Map<String, Object> response, String path) {
        Object value = response.get("data");
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(step);
        }
        return value;
    }

    /**
     * The events a subscription sends in its first seconds, from the scenario's start: each as its JSON map. Refusals come back as a one-element list with {"refused": code}.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> events(Who who, String document, String field) {
        WebSocketGraphQlTester ws = api.webSocket(tokens.get(who));
        try {
            return ws.document(document).variable("after", Long.toString(firstEventAfter))
                    .executeSubscription().toFlux(field, Map.class)
                    .map(event -> (Map<String, Object>) event)
                    // not until the last event: with batch-loaded fields selected, events may come out of order
                    .take(Duration.ofSeconds(3))
                    .collectList()
                    .onErrorResume(e -> Mono.just(List.of(Map.of("refused",
                            e.toString().contains("UNAUTHENTICATED") ? "UNAUTHENTICATED"
                                    : e.toString().contains("FORBIDDEN") ? "FORBIDDEN" : e.toString()))))
                    .block(Duration.ofSeconds(20));
        } finally {
            ws.stop().block(Duration.ofSeconds(10));
        }
    }

    /** For each kind of caller at once (they do not depend on one another). */
    public <T> Map<Who, T> forEveryone(java.util.function.Function<Who, T> ask) {
        List<Who> all = List.of(Who.values());
        List<T> answers = Flux.fromIterable(all)
                .flatMapSequential(who -> Mono.fromCallable(() -> ask.apply(who))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 4)
                .collectList()
                .block(Duration.ofSeconds(120));
        Map<Who, T> result = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            result.put(all.get(i), answers.get(i));
        }
        return result;
    }

    /** The staff display names of the scenario, by who acted. */
    public List<String> staffNames() {
        List<String> names = new ArrayList<>();
        for (Staff.Member member : List.of(operator, dpupr, dlh)) {
            names.add("Petugas " + member.username());
        }
        return names;
    }

    public String dlhName() {
        return "Petugas " + dlh.username();
    }
}
