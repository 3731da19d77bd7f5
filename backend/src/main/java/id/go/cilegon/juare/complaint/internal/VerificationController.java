package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.complaint.Complaint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Verified fixes (issue 12, ADR 0021): an operator checks the auto-closed fixes that were queued (verificationQueue in
 * {@link QueueController}) and verifies or rejects each. Roles, states and versions are checked in {@link LifecycleService}.
 */
@Controller
class VerificationController {

    private final LifecycleService lifecycle;
    private final ComplaintRepository complaints;

    VerificationController(LifecycleService lifecycle, ComplaintRepository complaints) {
        this.lifecycle = lifecycle;
        this.complaints = complaints;
    }

    @MutationMapping
    Mono<LifecycleController.ComplaintPayload> verifyFix(@Argument VerifyFixInput input) {
        return LifecycleController.perform(caller -> lifecycle.verifyFix(caller, LifecycleController.id(input.complaintId()),
                input.note(), input.expectedVersion()));
    }

    @MutationMapping
    Mono<LifecycleController.ComplaintPayload> rejectFix(@Argument RejectFixInput input) {
        return LifecycleController.perform(caller -> lifecycle.rejectFix(caller, LifecycleController.id(input.complaintId()),
                input.reason(), input.expectedVersion()));
    }

    /**
     * The check of an auto-closed fix, for operators, the mayor and admins only: an OPD does not learn which of its
     * closures are being checked (a resident neither); null when its closure was never queued.
     */
    @BatchMapping(typeName = "Complaint", field = "verification")
    Mono<Map<Complaint, ComplaintRepository.Verification>> verification(List<Complaint> batch) {
        return CurrentCaller.get()
                .flatMap(caller -> caller.seesAllComplaints()
                        ? complaints.verifications(batch.stream().map(Complaint::id).toList())
                                .map(byId -> byComplaint(batch, byId))
                        : Mono.just(Map.of()));
    }

    private static Map<Complaint, ComplaintRepository.Verification> byComplaint(List<Complaint> batch,
                                                                                 Map<java.util.UUID, ComplaintRepository.Verification> byId) {
        Map<Complaint, ComplaintRepository.Verification> result = new HashMap<>();
        for (Complaint complaint : batch) {
            ComplaintRepository.Verification verification = byId.get(complaint.id());
            if (verification != null) {
                result.put(complaint, verification);
            }
        }
        return result;
    }

    record VerifyFixInput(String complaintId, Integer expectedVersion, String note) {
    }

    record RejectFixInput(String complaintId, Integer expectedVersion, String reason) {
    }
}
