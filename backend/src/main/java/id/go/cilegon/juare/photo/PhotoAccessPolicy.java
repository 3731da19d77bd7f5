package id.go.cilegon.juare.photo;

import id.go.cilegon.juare.auth.Caller;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who may see a photo. Every bean of this type is asked and one "true" is enough; the photo module's own
 * policy lets the resident who uploaded it see it. Other modules add theirs (for example, staff handling the
 * complaint). A policy must not fail for photos it knows nothing about: it answers false.
 */
public interface PhotoAccessPolicy {

    /**
     * @param ownerResidentId the resident who uploaded it, or null
     * @param complaintId     the complaint it is attached to, or null while unattached
     */
    Mono<Boolean> maySee(Caller caller, UUID photoId, UUID ownerResidentId, UUID complaintId);
}
