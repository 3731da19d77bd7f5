package id.go.cilegon.juare.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.SessionSubjects;
import id.go.cilegon.juare.auth.TokenService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The active check of a subject, shared by its requests under way. */
class ActiveSubjectsTest {

    @Test
    void oneWaiterGoneLeavesTheSharedCheckToTheOthers() {
        Sinks.One<Boolean> answer = Sinks.one();
        AtomicInteger asked = new AtomicInteger();
        SessionSubjects staff = new SessionSubjects() {
            @Override
            public String kind() {
                return TokenService.KIND_STAFF;
            }

            @Override
            public Mono<TokenService.Grant> currentGrant(UUID subjectId) {
                return Mono.empty();
            }

            @Override
            public Mono<Boolean> isActive(UUID subjectId) {
                asked.incrementAndGet();
                return answer.asMono();
            }
        };
        ActiveSubjects subjects = new ActiveSubjects(List.of(staff), Duration.ofSeconds(5));
        UUID id = UUID.randomUUID();

        // a request whose client goes away while the check is under way, and one that waits for the same check
        Disposable gone = subjects.isActive(TokenService.KIND_STAFF, id).subscribe();
        StepVerifier.create(subjects.isActive(TokenService.KIND_STAFF, id))
                .then(gone::dispose)
                .then(() -> answer.tryEmitValue(true))
                .expectNext(true)
                .verifyComplete();
        assertThat(asked).as("one database check for both").hasValue(1);
    }
}
