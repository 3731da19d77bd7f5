package id.go.cilegon.juare.auth.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.go.cilegon.juare.auth.SessionSubjects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Whether the subject of an access token may still act: asked on every request (HTTP, connection_init, each
 * graphql-ws operation, and every few seconds on an open subscription), so that a disabled account is refused at
 * once rather than when its access token expires. Answers are cached for {@code juare.auth.active-check-ttl}
 * (5 s): the longest a disabled account keeps working on another instance. This instance forgets the answer at once.
 */
@Component
public class ActiveSubjects {

    record Key(String kind, UUID id) {
    }

    private final Map<String, SessionSubjects> owners;
    private final AsyncCache<Key, Boolean> cache;
    private final Duration ttl;
    /** Subjects changed on this instance: open subscriptions look again at once rather than at their next tick. */
    private final Sinks.Many<Key> changes = Sinks.many().multicast().directBestEffort();

    ActiveSubjects(List<SessionSubjects> owners, @Value("${juare.auth.active-check-ttl:5s}") Duration ttl) {
        this.owners = owners.stream().collect(Collectors.toMap(SessionSubjects::kind, Function.identity()));
        this.ttl = ttl;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).buildAsync();
    }

    Duration ttl() {
        return ttl;
    }

    Mono<Boolean> isActive(String kind, UUID id) {
        SessionSubjects owner = owners.get(kind);
        if (owner == null || id == null) {
            return Mono.just(false);
        }
        // one future per subject, shared by every request and subscription of that subject under way: one of them
        // cancelled (a client gone) must not cancel it (suppressCancel), or every other waiter fails with a
        // CancellationException (10,000 subscriptions of one account ended by one disconnect)
        return Mono.fromFuture(() -> cache.get(new Key(kind, id),
                (key, executor) -> owner.isActive(key.id()).defaultIfEmpty(false).toFuture()), true);
    }

    /** The subject's state changed here: ask again on its next request. */
    public void forget(String kind, UUID id) {
        Key key = new Key(kind, id);
        cache.synchronous().invalidate(key);
        changes.emitNext(key, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /** Ticks when this subject should be looked at again: every TTL, and at once when it changed on this instance. */
    Flux<Object> recheck(String kind, UUID id) {
        Key key = new Key(kind, id);
        return Flux.merge(Flux.interval(ttl), changes.asFlux().filter(key::equals));
    }
}
