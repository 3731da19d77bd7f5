package id.go.cilegon.juare.auth.internal;

import id.go.cilegon.juare.auth.AuthSession;
import id.go.cilegon.juare.auth.SessionSubjects;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** AuthSession: trading a refresh token for a new session. */
@Controller
class SessionController {

    private final TokenService tokens;
    private final Map<String, SessionSubjects> subjects;

    SessionController(TokenService tokens, List<SessionSubjects> subjects) {
        this.tokens = tokens;
        this.subjects = subjects.stream().collect(Collectors.toMap(SessionSubjects::kind, Function.identity()));
    }

    @MutationMapping
    Mono<RefreshSessionPayload> refreshSession(@Argument RefreshSessionInput input) {
        return Payloads.of(tokens.refresh(input.refreshToken(), this::currentRoles),
                session -> new RefreshSessionPayload(session, List.of()),
                errors -> new RefreshSessionPayload(null, errors));
    }

    private Mono<TokenService.Grant> currentRoles(String kind, UUID subject) {
        SessionSubjects owner = subjects.get(kind);
        return owner == null ? Mono.empty() : owner.currentGrant(subject);
    }

    record RefreshSessionInput(String refreshToken) {
    }

    record RefreshSessionPayload(AuthSession session, List<UserError> errors) {
    }
}
