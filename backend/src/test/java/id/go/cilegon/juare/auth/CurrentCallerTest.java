package id.go.cilegon.juare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A caller as read from a verified token. */
class CurrentCallerTest {

    private static Caller staff(String opd, String... roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject(UUID.randomUUID().toString())
                .claim(TokenService.KIND_CLAIM, TokenService.KIND_STAFF).claim(TokenService.OPD_CLAIM, opd)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return CurrentCaller.toCaller(new JwtAuthenticationToken(jwt, authorities));
    }

    @Test
    void callersWithTheSameRolesHoldOneInstanceOfThem() {
        Caller first = staff("DLH", "OPD_RESPONDER", "OPD_HEAD");
        Caller second = staff("DISHUB", "OPD_HEAD", "OPD_RESPONDER");
        // compared by identity once per subscriber per event in a fan-out (EventShare)
        assertThat(second.roles()).isSameAs(first.roles()).containsExactlyInAnyOrder("OPD_RESPONDER", "OPD_HEAD");
        assertThat(staff(null, "OPERATOR").roles()).containsExactly("OPERATOR").isNotEqualTo(first.roles());
        assertThat(first.kind()).isEqualTo(Caller.Kind.STAFF);
        assertThat(first.opdCode()).isEqualTo("DLH");
    }
}
