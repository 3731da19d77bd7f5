package id.go.cilegon.juare.dashboard.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.UserError;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.stereotype.Service;

/**
 * The complaint screens' way to the backend: the work queues, one complaint with its history, and every staff
 * action on it. Actions send the version the staff member saw ({@code expectedVersion}): when someone else was
 * faster the backend answers {@code CONFLICT}, which comes back as a {@link ComplaintRefused} like every other payload
 * error; not allowed or signed out stay {@link BackendException}s.
 */
@Service
public class ComplaintDesk {

    /** The backend's page limit. */
    static final int PAGE = 100;
    /** A queue longer than this is not shown in full (nobody scrolls that far); the count says so. */
    static final int MAX_QUEUE = 500;

    private final BackendClient backend;
    private final BackendPhotos photos;

    public ComplaintDesk(BackendClient backend, BackendPhotos photos) {
        this.backend = backend;
        this.photos = photos;
    }

    // ---------- reading ----------

    /** One complaint with its possible duplicates and timeline; empty if there is none with that id. */
    public Optional<StaffComplaint> complaint(BackendSession session, String id) {
        ClientGraphQlResponse response = backend.execute(session, "StaffComplaintDetail", Map.of("id", id));
        return Optional.ofNullable(response.field("complaint").toEntity(StaffComplaint.class));
    }

    /** One complaint by the tracking number a resident reads out ({@code JRX-7K4M}, any case, spaces ignored). */
    public Optional<StaffComplaint> byTrackingNumber(BackendSession session, String trackingNumber) {
        String normalized = normalizeTrackingNumber(trackingNumber);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        ClientGraphQlResponse response = backend.execute(session, "ComplaintByTrackingNumber",
                Map.of("trackingNumber", normalized));
        return Optional.ofNullable(response.field("complaintByTrackingNumber").toEntity(StaffComplaint.class));
    }

    static String normalizeTrackingNumber(String typed) {
        if (typed == null) {
            return "";
        }
        String compact = typed.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        // read out on the phone without the dash: JRX7K4M
        return compact.length() == 7 ? compact.substring(0, 3) + "-" + compact.substring(3) : compact;
    }

    /** SUBMITTED complaints, oldest first. */
    public List<StaffComplaint> intakeQueue(BackendSession session) {
        return queue(session, "IntakeQueue", "intakeQueue", Map.of());
    }

    /** Complaints an OPD handed back, oldest request first. */
    public List<StaffComplaint> transferQueue(BackendSession session) {
        return queue(session, "TransferQueue", "transferQueue", Map.of());
    }

    /** An OPD's open complaints, what falls due first on top; OPD staff get their own OPD whatever {@code opdCode} says. */
    public List<StaffComplaint> opdQueue(BackendSession session, String opdCode) {
        Map<String, Object> variables = new HashMap<>();
        if (opdCode != null) {
            variables.put("opdCode", opdCode);
        }
        return queue(session, "OpdQueue", "opdQueue", variables);
    }

    private List<StaffComplaint> queue(BackendSession session, String operation, String field, Map<String, Object> fixed) {
        List<StaffComplaint> all = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(fixed);
            variables.put("first", PAGE);
            if (after != null) {
                variables.put("after", after);
            }
            Page page = backend.execute(session, operation, variables).field(field).toEntity(Page.class);
            if (page == null) {
                break;
            }
            page.edges().forEach(edge -> all.add(edge.node()));
            after = page.pageInfo() != null && page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
        } while (after != null && all.size() < MAX_QUEUE);
        return List.copyOf(all);
    }

    /** The OPDs that take complaints, for dispatching and rerouting. */
    public List<Named> activeOpds(BackendSession session) {
        List<OpdRow> opds = backend.execute(session, "ReferenceData", Map.of()).field("opds").toEntityList(OpdRow.class);
        return opds.stream().filter(OpdRow::active).map(o -> new Named(o.code(), o.name())).toList();
    }

    /** The command centre's shift now (start/end HH:mm WIB) and the operators on it. */
    public ShiftOnDuty shift(BackendSession session) {
        CommandCentre centre = backend.execute(session, "CommandCentre", Map.of()).field("commandCentre").toEntity(CommandCentre.class);
        return new ShiftOnDuty(centre.currentShift().shift(), centre.currentShift().start(), centre.currentShift().end(),
                centre.onDuty().stream().map(OnDuty::displayName).toList());
    }

    public record ShiftOnDuty(String shift, String start, String end, List<String> onDuty) {
    }

    // ---------- operators ----------

    public StaffComplaint dispatch(BackendSession session, StaffComplaint seen, String opdCode, String note) {
        return act(session, "Dispatch", "dispatch", input(seen, "opdCode", opdCode, "note", blankToNull(note)));
    }

    public StaffComplaint reject(BackendSession session, StaffComplaint seen, RejectReason reason, String note) {
        return act(session, "Reject", "reject", input(seen, "reason", reason.name(), "note", blankToNull(note)));
    }

    public StaffComplaint markDuplicate(BackendSession session, StaffComplaint seen, String duplicateOfId, String note) {
        return act(session, "MarkDuplicate", "markDuplicate", input(seen, "duplicateOfId", duplicateOfId, "note", blankToNull(note)));
    }

    /** Sends a complaint an OPD handed back to another OPD; {@code misrouted}: the first OPD's time does not count. */
    public StaffComplaint reroute(BackendSession session, StaffComplaint seen, String opdCode, boolean misrouted, String note) {
        return act(session, "Reroute", "reroute", input(seen, "opdCode", opdCode, "misrouted", misrouted, "note", blankToNull(note)));
    }

    public StaffComplaint declineTransfer(BackendSession session, StaffComplaint seen, String note) {
        return act(session, "DeclineTransfer", "declineTransfer", input(seen, "note", note));
    }

    // ---------- OPD ----------

    public StaffComplaint reply(BackendSession session, StaffComplaint seen, String message) {
        return act(session, "Reply", "reply", input(seen, "message", message));
    }

    /** A note only staff see; not version-checked (it changes nothing of the complaint). */
    public StaffComplaint addInternalNote(BackendSession session, String complaintId, String note) {
        return act(session, "AddInternalNote", "addInternalNote", Map.of("complaintId", complaintId, "note", note == null ? "" : note));
    }

    public StaffComplaint requestTransfer(BackendSession session, StaffComplaint seen, String reason) {
        return act(session, "RequestTransfer", "requestTransfer", input(seen, "reason", reason));
    }

    /** Resolves with 1 to 5 after-photos uploaded with {@link #uploadPhoto} by the same staff member. */
    public StaffComplaint resolve(BackendSession session, StaffComplaint seen, String note, List<String> afterPhotoIds) {
        return act(session, "Resolve", "resolve", input(seen, "note", note, "afterPhotoIds", List.copyOf(afterPhotoIds)));
    }

    /** Uploads a JPEG or PNG (at most 10 MB) for a resolution; its id goes into {@link #resolve}. */
    public String uploadPhoto(BackendSession session, String fileName, byte[] content) {
        return photos.upload(session, fileName, content).id();
    }

    // ---------- the machinery ----------

    private static Map<String, Object> input(StaffComplaint seen, Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        input.put("complaintId", seen.id());
        input.put("expectedVersion", seen.version());
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                input.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return input;
    }

    private StaffComplaint act(BackendSession session, String operation, String field, Map<String, Object> input) {
        Payload payload = backend.execute(session, operation, Map.of("input", input)).field(field).toEntity(Payload.class);
        return answer(operation, payload);
    }

    /** The payload's complaint, or its first error as a {@link ComplaintRefused} (the desk's flows throw the refusal). */
    static StaffComplaint answer(String operation, Payload payload) {
        if (payload == null) {
            throw new BackendException("GRAPHQL_ERROR", operation + ": no answer");
        }
        Outcome<StaffComplaint> outcome = Outcome.of(operation, payload.complaint(), payload.errors());
        if (!outcome.ok()) {
            throw ComplaintRefused.of(outcome.errors().getFirst());
        }
        return outcome.value();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // the shapes of the answers, as the documents ask for them

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(StaffComplaint complaint, List<UserError> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Edge> edges, PageInfo pageInfo) {

        Page {
            edges = edges == null ? List.of() : edges;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Edge(String cursor, StaffComplaint node) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpdRow(String code, String name, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShiftWindow(String shift, String start, String end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnDuty(String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommandCentre(ShiftWindow currentShift, List<OnDuty> onDuty) {
    }
}
