package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The lifecycle's mutations. Roles, states and versions are checked in {@link LifecycleService}. */
@Controller
class LifecycleController {

    private final LifecycleService lifecycle;

    LifecycleController(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @MutationMapping
    Mono<ComplaintPayload> dispatch(@Argument DispatchInput input) {
        return perform(caller -> lifecycle.dispatch(caller, id(input.complaintId()), input.opdCode(), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> reject(@Argument RejectInput input) {
        return perform(caller -> lifecycle.reject(caller, id(input.complaintId()), input.reason(), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> markDuplicate(@Argument MarkDuplicateInput input) {
        return perform(caller -> lifecycle.markDuplicate(caller, id(input.complaintId()), id(input.duplicateOfId()), input.note(),
                input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> reroute(@Argument RerouteInput input) {
        return perform(caller -> lifecycle.reroute(caller, id(input.complaintId()), input.opdCode(), input.misrouted(), input.note(),
                input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> declineTransfer(@Argument DeclineTransferInput input) {
        return perform(caller -> lifecycle.declineTransfer(caller, id(input.complaintId()), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> reply(@Argument ReplyInput input) {
        return perform(caller -> lifecycle.reply(caller, id(input.complaintId()), input.message(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> addInternalNote(@Argument AddInternalNoteInput input) {
        return perform(caller -> lifecycle.addInternalNote(caller, id(input.complaintId()), input.note()));
    }

    @MutationMapping
    Mono<ComplaintPayload> requestTransfer(@Argument RequestTransferInput input) {
        return perform(caller -> lifecycle.requestTransfer(caller, id(input.complaintId()), input.reason(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> resolve(@Argument ResolveInput input) {
        return perform(caller -> lifecycle.resolve(caller, id(input.complaintId()), input.note(), input.afterPhotoIds(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<ComplaintPayload> confirmResolution(@Argument ConfirmResolutionInput input) {
        return perform(caller -> lifecycle.confirmResolution(caller, id(input.complaintId()), input.rating(), input.comment()));
    }

    @MutationMapping
    Mono<ComplaintPayload> disputeResolution(@Argument DisputeResolutionInput input) {
        return perform(caller -> lifecycle.disputeResolution(caller, id(input.complaintId()), input.reason(), input.photoIds()));
    }

    /**
     * Expected failures become payload errors; not signed in / not allowed stay GraphQL errors with a code. The
     * complaint after the change is shown only if the caller may still see it (as complaint(id) decides).
     */
    static Mono<ComplaintPayload> perform(Function<Caller, Mono<Complaint>> action) {
        return CurrentCaller.get()
                .flatMap(caller -> Payloads.of(Mono.defer(() -> action.apply(caller)),
                        complaint -> new ComplaintPayload(ComplaintAccess.maySee(caller, complaint) ? complaint : null, List.of()),
                        errors -> new ComplaintPayload(null, errors)));
    }

    static UUID id(String id) {
        return ComplaintController.parseId(id);
    }

    record ComplaintPayload(Complaint complaint, List<UserError> errors) {
    }

    record DispatchInput(String complaintId, String opdCode, String note, Integer expectedVersion) {
    }

    record RejectInput(String complaintId, String reason, String note, Integer expectedVersion) {
    }

    record MarkDuplicateInput(String complaintId, String duplicateOfId, String note, Integer expectedVersion) {
    }

    record RerouteInput(String complaintId, String opdCode, boolean misrouted, String note, Integer expectedVersion) {
    }

    record DeclineTransferInput(String complaintId, String note, Integer expectedVersion) {
    }

    record ReplyInput(String complaintId, String message, Integer expectedVersion) {
    }

    record AddInternalNoteInput(String complaintId, String note) {
    }

    record RequestTransferInput(String complaintId, String reason, Integer expectedVersion) {
    }

    record ResolveInput(String complaintId, String note, List<String> afterPhotoIds, Integer expectedVersion) {
    }

    record ConfirmResolutionInput(String complaintId, int rating, String comment) {
    }

    record DisputeResolutionInput(String complaintId, String reason, List<String> photoIds) {
    }
}
