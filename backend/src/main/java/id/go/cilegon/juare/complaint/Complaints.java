package id.go.cilegon.juare.complaint;

import id.go.cilegon.juare.auth.Caller;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Complaints for the other ways in besides GraphQL (Open311): the same filing service and the same visibility rule
 * (ComplaintAccess, ADR 0015) that submitComplaint and complaint(id) use, for a caller the endpoint established itself.
 */
public interface Complaints {

    /**
     * Files a complaint exactly as submitComplaint does (same checks, same idempotency by client request id); fails
     * with a UserErrorException carrying submitComplaint's error codes.
     */
    Mono<Complaint> submit(UUID residentId, NewComplaint complaint);

    /** The complaint if the caller may see it; empty when it does not exist or is not theirs to see (no oracle). */
    Mono<Complaint> visible(Caller caller, UUID id);

    /**
     * The complaints the caller may see that match the query, newest first, at most {@code query.limit()}. Residents
     * get their own; operators, the mayor and admins every complaint; OPD staff their OPD's. Anonymous callers none.
     */
    Flux<Complaint> visible(Caller caller, Query query);

    /** submitComplaint's input. */
    record NewComplaint(String clientRequestId, String categoryCode, String title, String description, double lat,
                        double lng, String addressText, List<String> photoIds, Boolean confidential) {
    }

    /**
     * A list's filter. Null or empty restricts nothing; {@code from} inclusive and {@code to} exclusive on the filing
     * time; {@code confidentialOnlyToFiler} leaves out confidential complaints for everybody but their resident.
     */
    record Query(Collection<UUID> ids, Collection<String> categoryCodes, Set<ComplaintStatus> statuses, Instant from,
                 Instant to, boolean confidentialOnlyToFiler, int limit) {
    }
}
