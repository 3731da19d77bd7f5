package id.go.cilegon.juare.support;

import id.go.cilegon.juare.auth.TokenService;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Tokens an app may still hold: correctly signed, but no longer valid. */
public final class StaleTokens {

    private StaleTokens() {
    }

    /** A token of this resident, signed with the application's key (its JwtEncoder), that expired a minute ago. */
    public static String expired(JwtEncoder encoder, String residentId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(TokenService.ISSUER)
                .subject(residentId)
                .issuedAt(now.minusSeconds(960))
                .expiresAt(now.minusSeconds(60))
                .claim(TokenService.KIND_CLAIM, TokenService.KIND_RESIDENT)
                .claim(TokenService.ROLES_CLAIM, List.of())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
