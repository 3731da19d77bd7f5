package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.photo.PhotoAccessPolicy;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The resident who uploaded a photo may see it. */
@Component
class OwnerPhotoAccess implements PhotoAccessPolicy {

    @Override
    public Mono<Boolean> maySee(Caller caller, UUID photoId, UUID ownerResidentId, UUID complaintId) {
        return Mono.just(caller.isResident() && ownerResidentId != null && ownerResidentId.equals(caller.id()));
    }
}
