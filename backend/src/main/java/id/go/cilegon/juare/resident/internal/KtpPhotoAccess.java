package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.photo.PhotoAccessPolicy;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A KTP photo of a phone change is for operators only: not the account's resident, not the OPDs, not the mayor. */
@Component
class KtpPhotoAccess implements PhotoAccessPolicy {

    private final PhoneChangeService changes;

    KtpPhotoAccess(PhoneChangeService changes) {
        this.changes = changes;
    }

    @Override
    public Mono<Boolean> maySee(Caller caller, UUID photoId, UUID ownerResidentId, UUID complaintId) {
        if (complaintId != null || ownerResidentId != null || !caller.isStaff() || !caller.hasRole("OPERATOR")) {
            return Mono.just(false);
        }
        return changes.isKtpPhoto(photoId);
    }
}
