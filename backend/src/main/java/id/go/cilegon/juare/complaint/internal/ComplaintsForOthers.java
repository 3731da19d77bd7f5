package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.Complaints;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Complaints} on the same service, repository and access rule as the GraphQL resolvers. */
@Service
class ComplaintsForOthers implements Complaints {

    private final ComplaintService service;
    private final ComplaintRepository complaints;

    ComplaintsForOthers(ComplaintService service, ComplaintRepository complaints) {
        this.service = service;
        this.complaints = complaints;
    }

    @Override
    public Mono<Complaint> submit(UUID residentId, NewComplaint c) {
        return service.submit(residentId, new SubmitComplaintInput(c.clientRequestId(), c.categoryCode(), c.title(),
                c.description(), new SubmitComplaintInput.LocationInput(c.lat(), c.lng()), c.addressText(), c.photoIds(),
                c.confidential()));
    }

    @Override
    public Mono<Complaint> visible(Caller caller, UUID id) {
        if (caller == null || caller.kind() == Caller.Kind.ANONYMOUS || id == null) {
            return Mono.empty();
        }
        return complaints.findById(id).filter(c -> ComplaintAccess.maySee(caller, c));
    }

    @Override
    public Flux<Complaint> visible(Caller caller, Query query) {
        if (caller == null || (!caller.isResident() && !ComplaintAccess.staffOnly(caller))) {
            return Flux.empty();
        }
        // the SQL selects within the caller's reach; maySee checks every row again, as complaint(id) would
        return complaints.visiblePage(caller.isResident() ? caller.id() : null,
                        caller.isResident() ? null : ComplaintAccess.opdScope(caller), query)
                .filter(c -> ComplaintAccess.maySee(caller, c));
    }
}
