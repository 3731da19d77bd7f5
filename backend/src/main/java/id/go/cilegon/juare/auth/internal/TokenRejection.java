package id.go.cilegon.juare.auth.internal;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Why a bearer token was not taken, as {@code extensions.reason} of an UNAUTHENTICATED error (docs/adr/0030): an app
 * refreshes its session on TOKEN_EXPIRED and signs in again on the others.
 */
enum TokenRejection {
    /** Past its expiry: refreshSession gives a new one. */
    TOKEN_EXPIRED,
    /** Forged, malformed, or signed by another key or issuer. */
    TOKEN_INVALID,
    /** Valid, but its account was disabled meanwhile (ActiveAccountsOnly). */
    TOKEN_REVOKED;

    /** Request (or WebSocket session) attribute holding the rejection of the token the request came with. */
    static final String ATTRIBUTE = TokenRejection.class.getName();

    static TokenRejection of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccountDisabled) {
                return TOKEN_REVOKED;
            }
            if (t instanceof JwtValidationException invalid) {
                // JwtTimestampValidator's own words: "Jwt expired at …"
                for (OAuth2Error error : invalid.getErrors()) {
                    if (error.getDescription() != null && error.getDescription().startsWith("Jwt expired")) {
                        return TOKEN_EXPIRED;
                    }
                }
            }
        }
        return TOKEN_INVALID;
    }

    /** The token of a disabled account. */
    static final class AccountDisabled extends InvalidBearerTokenException {

        AccountDisabled() {
            super("Account disabled");
        }
    }
}
