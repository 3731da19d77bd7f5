package id.go.cilegon.juare.open311.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * /open311/** has its own filter chain, before the application's: the token may come as api_key (a form field or
 * query parameter) as well as a bearer header, so the controller reads both itself (AccessTokens, the same checks as
 * the resource server's), and a stale or invalid token is answered in Open311's error shape, not the resource
 * server's 401.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    SecurityWebFilterChain open311FilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/open311/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
