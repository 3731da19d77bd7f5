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
}
