package id.go.cilegon.juare.dashboard.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import id.go.cilegon.juare.dashboard.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security with Vaadin's configurer: form login on {@link LoginView} checked by the backend
 * ({@link BackendAuthenticationProvider}), and each view open only to the roles in its {@code @RolesAllowed}.
 * Logout ends the HTTP session, and with it the backend tokens. Complaint photos ({@code /photos/**}) are for signed-in
 * staff only.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // the complaint photo proxy (complaint.PhotoProxy) for signed-in staff; Vaadin denies any other non-view path
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/photos/**")
                .hasAnyRole("OPERATOR", "OPD_RESPONDER", "OPD_HEAD", "MAYOR", "ADMIN"));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
