package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.photo.PhotoUrls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * A signed photo URL (ADR 0032; {@code GET /api/photos/{id}[/thumbnail]?exp=…&sig=…}) carries its own permission,
 * checked by the photo endpoint. This security chain, asked before the main one (auth module), takes those requests
 * and does not read the Authorization header at all, so an image loader that sends an app's stale token along still
 * gets the picture. Every other photo request goes on to the main chain, which requires a valid token.
 */
@Configuration(proxyBeanMethods = false)
class SignedPhotoSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain signedPhotoUrls(ServerHttpSecurity http) {
        return http
                .securityMatcher(new AndServerWebExchangeMatcher(
                        // HEAD too: some loaders ask for the size first; WebFlux answers it from the GET handler
                        new OrServerWebExchangeMatcher(
                                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/photos/*", "/api/photos/*/thumbnail"),
                                ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/api/photos/*", "/api/photos/*/thumbnail")),
                        exchange -> exchange.getRequest().getQueryParams().containsKey(PhotoUrls.SIGNATURE)
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
