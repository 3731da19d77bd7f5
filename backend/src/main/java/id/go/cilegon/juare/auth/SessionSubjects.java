package id.go.cilegon.juare.auth;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Implemented by each module that owns a kind of account (residents, staff): the roles a subject holds now,
 * read when a refresh token is traded, or empty if the subject may no longer sign in.
 */
public interface SessionSubjects {

    String kind();

    Mono<TokenService.Grant> currentGrant(UUID subjectId);

    /**
     * Whether the subject may still use its access tokens: asked on every request, cached for a few seconds (a
     * disabled staff account, a removed resident is refused at once). By default: it may sign in now.
     */
    default Mono<Boolean> isActive(UUID subjectId) {
        return currentGrant(subjectId).hasElement();
    }
}
