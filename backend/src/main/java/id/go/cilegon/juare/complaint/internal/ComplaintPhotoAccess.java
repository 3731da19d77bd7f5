package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.photo.PhotoAccessPolicy;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A complaint's photos may be seen by whoever may see the complaint (staff included). */
@Component
class ComplaintPhotoAccess implements PhotoAccessPolicy {

    private final ComplaintRepository complaints;

    ComplaintPhotoAccess(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    @Override
    public Mono<Boolean> maySee(Caller caller, UUID photoId, UUID ownerResidentId, UUID complaintId) {
        if (complaintId == null || caller.kind() == Caller.Kind.ANONYMOUS) {
            return Mono.just(false);
        }
        return complaints.findById(complaintId)
                .map(complaint -> ComplaintAccess.maySee(caller, complaint))
                .defaultIfEmpty(false);
    }
}
