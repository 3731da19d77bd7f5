package id.go.cilegon.juare.dashboard.backend;

import id.go.cilegon.juare.graphql.OperationDocuments;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/**
 * A resident of Cilegon using the public API as the app does: signs in with NIK, WhatsApp number and the code the
 * (stubbed) WhatsApp delivers, and files complaints.
 */
public final class Resident {

    private final HttpSyncGraphQlClient client;
    private final String token;

    private Resident(HttpSyncGraphQlClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /** A new resident with a random valid NIK and number, signed in through the real OTP flow. */
    public static Resident signUp(RunningBackend backend, String name) throws InterruptedException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String nik = String.format("3672%02d%02d%02d%02d%04d", 1 + r.nextInt(8), 1 + r.nextInt(28), 1 + r.nextInt(12),
                r.nextInt(100), 1 + r.nextInt(9999));
        // a Telkomsel number (0812…): a prefix the backend knows as mobile
        String digits = String.format("62812%08d", r.nextInt(100_000_000));
        HttpSyncGraphQlClient anonymous = HttpSyncGraphQlClient.builder(RestClient.builder())
                .url(backend.url().resolve("/graphql"))
                .build();
        String challenge = data(anonymous, "RequestOtp", Map.of("nik", nik, "phone", "+" + digits), "requestOtp")
                .field("requestOtp.challenge.id").toEntity(String.class);
        String code = backend.whatsApp().awaitCode(digits);
        String token = data(anonymous, "VerifyOtp", Map.of("challengeId", challenge, "code", code, "name", name), "verifyOtp")
                .field("verifyOtp.session.accessToken").toEntity(String.class);
        return new Resident(anonymous.mutate().header("Authorization", "Bearer " + token).build(), token);
    }

    /**
     * A new resident who then lost the old number: asks for a new number, proves it, and will show the KTP at the
     * kelurahan office. Returns the pending request's id, for the operators' queue.
     */
    public static String lostNumberChange(RunningBackend backend, String name) throws InterruptedException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String nik = String.format("3672%02d%02d%02d%02d%04d", 1 + r.nextInt(8), 1 + r.nextInt(28), 1 + r.nextInt(12),
                r.nextInt(100), 1 + r.nextInt(9999));
        String digits = String.format("62812%08d", r.nextInt(100_000_000));
        String newDigits = String.format("62813%08d", r.nextInt(100_000_000));
        HttpSyncGraphQlClient anonymous = HttpSyncGraphQlClient.builder(RestClient.builder())
                .url(backend.url().resolve("/graphql"))
                .build();
        String challenge = data(anonymous, "RequestOtp", Map.of("nik", nik, "phone", "+" + digits), "requestOtp")
                .field("requestOtp.challenge.id").toEntity(String.class);
        data(anonymous, "VerifyOtp", Map.of("challengeId", challenge, "code", backend.whatsApp().awaitCode(digits), "name", name), "verifyOtp");
        String change = data(anonymous, "RequestPhoneChange", Map.of("nik", nik, "newPhone", "+" + newDigits, "oldNumberLost", true),
                "requestPhoneChange").field("requestPhoneChange.challenge.id").toEntity(String.class);
        data(anonymous, "ConfirmPhoneChange", Map.of("challengeId", change, "newCode", backend.whatsApp().awaitCode(newDigits),
                "ktpProof", "AT_OFFICE"), "confirmPhoneChange");
        return change;
    }

    /** Files a complaint at a place in Cilegon; returns its id and tracking number. */
    public Filed submit(String categoryCode, String description, double lat, double lng) {
        Map<String, Object> input = Map.of(
                "clientRequestId", UUID.randomUUID().toString(),
                "categoryCode", categoryCode,
                "description", description,
                "location", Map.of("lat", lat, "lng", lng));
        ClientGraphQlResponse response = data(client, "SubmitComplaint", input, "submitComplaint");
        return response.field("submitComplaint.complaint").toEntity(Filed.class);
    }

    /** Uploads a photo as the app does (POST /api/photos); its id, to file with a complaint. */
    @SuppressWarnings("unchecked")
    public String uploadPhoto(RunningBackend backend, byte[] jpeg) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(jpeg) {
            @Override
            public String getFilename() {
                return "bukti.jpg";
            }
        });
        Map<String, Object> created = RestClient.create().post().uri(backend.url().resolve("/api/photos"))
                .header("Authorization", "Bearer " + token)
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class);
        return (String) created.get("id");
    }

    /** Files a complaint with photos at a place in Cilegon. */
    public Filed submit(String categoryCode, String description, double lat, double lng, List<String> photoIds) {
        Map<String, Object> input = Map.of(
                "clientRequestId", UUID.randomUUID().toString(),
                "categoryCode", categoryCode,
                "description", description,
                "location", Map.of("lat", lat, "lng", lng),
                "photoIds", photoIds);
        return data(client, "SubmitComplaint", input, "submitComplaint").field("submitComplaint.complaint").toEntity(Filed.class);
    }

    public record Filed(String id, String trackingNumber, String status) {
    }

    private static ClientGraphQlResponse data(HttpSyncGraphQlClient client, String operation, Map<String, Object> input, String field) {
        ClientGraphQlResponse response = client.document(OperationDocuments.load(operation))
                .variable("input", input)
                .executeSync();
        if (!response.getErrors().isEmpty()) {
            throw new AssertionError(operation + ": " + response.getErrors());
        }
        List<?> errors = response.field(field + ".errors").toEntity(List.class);
        if (errors != null && !errors.isEmpty()) {
            throw new AssertionError(operation + ": " + errors);
        }
        return response;
    }
}
