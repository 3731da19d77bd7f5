package id.go.cilegon.juare.auth.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.platform.Messages;
import id.go.cilegon.juare.platform.Secrets;
import java.time.Clock;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.WebFilter;

/**
 * Bearer JWTs (HS256, Spring Security's resource server) on HTTP and in the graphql-ws connection_init payload.
 * GraphQL decides per field who may do what; the HTTP layer only guards the photo and report file endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecretKey jwtKey(Secrets secrets) {
        return new SecretKeySpec(secrets.key("jwt"), "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey jwtKey) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(jwtKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(TokenService.ISSUER)));
        return decoder;
    }

    /** Roles from the token; refused when the account was disabled meanwhile (ActiveSubjects). */
    @Bean
    ActiveAccountsOnly jwtAuthenticationConverter(ActiveSubjects activeSubjects) {
        return new ActiveAccountsOnly(roles(), activeSubjects);
    }

    private static ReactiveJwtAuthenticationConverterAdapter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenService.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * No observation of the filter chain, each authentication and each authorization: with an observation registry
     * Spring Security wraps every filter of every request in one (a timer each, nothing read them), about 5 % of a
     * one-complaint read's CPU (docs/benchmarks/reads.md, round 3). The request's own timer (http.server.requests)
     * and juare.graphql.requests stay. {@code juare.security.observations=true} brings them back.
     */
    @Bean
    SecurityObservationSettings securityObservations(@Value("${juare.security.observations:false}") boolean observe) {
        return observe ? SecurityObservationSettings.withDefaults().build() : SecurityObservationSettings.noObservations();
    }

    /** Bearer tokens verified once while they last; the account is still checked on every request. */
    @Bean
    CachedTokenAuthentication bearerTokenAuthentication(ReactiveJwtDecoder decoder, ActiveAccountsOnly accounts,
                                                        @Value("${juare.auth.token-cache-size:10000}") int size) {
        return new CachedTokenAuthentication(decoder, roles(), accounts, size);
    }

    /** Whether POST /graphql is authenticated by GraphQlBearerAuthentication (ADR 0048) instead of the chain below. */
    @Bean
    GraphQlBearerAuthentication.Switch leanGraphQlPath(@Value("${juare.auth.lean-graphql-path:true}") boolean lean) {
        return new GraphQlBearerAuthentication.Switch(lean);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, CachedTokenAuthentication bearerTokens,
                                                  Messages messages, GraphQlBearerAuthentication.Switch leanGraphQlPath) {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(messages);
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(leanGraphQlPath.matcher()))
                // stateless: the token comes with every request. Spring Security's defaults would look up a
                // WebSession on every request (security context, saved request), and creating one hops to
                // boundedElastic and then parallel; a WebSocket upgrade then runs off the channel's event loop,
                // where Reactor Netty may hand a connection_init sent at once to the finished HTTP exchange, which
                // drops it (issue 15, docs/adr/0034)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/photos/**", "/api/reports/**").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationEntryPoint(entryPoint)
                        .authenticationFailureHandler(entryPoint.onGraphQl())
                        .jwt(jwt -> jwt.authenticationManager(bearerTokens)))
                .build();
    }

    /** POST /graphql: the main chain's security headers, CORS and bearer token in one filter (ADR 0048). */
    @Bean
    GraphQlBearerAuthentication graphQlBearerAuthentication(SecurityWebFilterChain securityWebFilterChain,
                                                            CachedTokenAuthentication bearerTokens,
                                                            GraphQlBearerAuthentication.Switch leanGraphQlPath) {
        List<WebFilter> answerFilters = securityWebFilterChain.getWebFilters()
                .filter(filter -> filter instanceof HttpHeaderWriterWebFilter || filter instanceof CorsWebFilter)
                .collectList()
                .block();
        if (answerFilters == null || answerFilters.stream().noneMatch(HttpHeaderWriterWebFilter.class::isInstance)) {
            throw new IllegalStateException("The main security chain writes no security headers");
        }
        return new GraphQlBearerAuthentication(answerFilters, bearerTokens, leanGraphQlPath);
    }

    /**
     * graphql-ws: the token comes in connection_init's payload as {"Authorization": "Bearer …"}. First of the
     * interceptors, so that the others (ActiveSessionGuard) see the caller. A token that is not taken makes the
     * connection nobody's, as over HTTP (StaleTokenTolerant).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebSocketGraphQlInterceptor webSocketAuthentication(CachedTokenAuthentication bearerTokens) {
        return new ConnectionInit(new StaleTokenTolerant(
                new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), bearerTokens)));
    }
}
