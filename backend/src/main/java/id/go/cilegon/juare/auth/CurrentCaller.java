package id.go.cilegon.juare.auth;

import id.go.cilegon.juare.platform.ApiException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Reads the caller from the reactive security context (HTTP bearer token or WebSocket connection_init). */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Mono<Caller> get() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(CurrentCaller::toCaller)
                .defaultIfEmpty(Caller.ANONYMOUS);
    }

    /** The calling staff member, or UNAUTHENTICATED / FORBIDDEN. */
    public static Mono<Caller> staff() {
        return get().flatMap(caller -> switch (caller.kind()) {
            case STAFF -> Mono.just(caller);
            case ANONYMOUS -> Mono.error(ApiException.unauthenticated());
            case RESIDENT -> Mono.error(ApiException.forbidden());
        });
    }

    /** The calling staff member if they hold one of the roles, or UNAUTHENTICATED / FORBIDDEN. */
    public static Mono<Caller> staffWithRole(String... roles) {
        return staff().flatMap(caller -> java.util.Arrays.stream(roles).anyMatch(caller::hasRole)
                ? Mono.just(caller) : Mono.error(ApiException.forbidden()));
    }

    /** The calling resident's id, or UNAUTHENTICATED / FORBIDDEN. */
    public static Mono<UUID> residentId() {
        return get().flatMap(CurrentCaller::requireResident);
    }

    private static Mono<UUID> requireResident(Caller caller) {
        return switch (caller.kind()) {
            case RESIDENT -> Mono.just(caller.id());
            case ANONYMOUS -> Mono.error(ApiException.unauthenticated());
            case STAFF -> Mono.error(ApiException.forbidden());
        };
    }

    static Caller toCaller(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return Caller.ANONYMOUS;
        }
        Jwt jwt = token.getToken();
        Caller.Kind kind = TokenService.KIND_STAFF.equals(jwt.getClaimAsString(TokenService.KIND_CLAIM))
                ? Caller.Kind.STAFF : Caller.Kind.RESIDENT;
        return new Caller(kind, UUID.fromString(jwt.getSubject()), roles(token.getAuthorities()),
                jwt.getClaimAsString(TokenService.OPD_CLAIM));
    }

    private static Set<String> roles(Collection<GrantedAuthority> authorities) {
        Set<String> roles = authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        // one instance per set of roles: callers' roles are compared once per subscriber per event in a fan-out
        // (equal sets by identity, no element look-ups). A handful exist; signed tokens carry them, and past the bound
        // a set is kept as it is
        Set<String> canonical = ROLE_SETS.get(roles);
        if (canonical != null) {
            return canonical;
        }
        if (ROLE_SETS.size() < MAX_ROLE_SETS) {
            canonical = ROLE_SETS.putIfAbsent(roles, roles);
        }
        return canonical != null ? canonical : roles;
    }

    private static final int MAX_ROLE_SETS = 64;
    private static final java.util.concurrent.ConcurrentMap<Set<String>, Set<String>> ROLE_SETS = new java.util.concurrent.ConcurrentHashMap<>();
}
