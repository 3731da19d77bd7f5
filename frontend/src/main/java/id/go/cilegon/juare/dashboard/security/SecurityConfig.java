package id.go.cilegon.juare.dashboard.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import id.go.cilegon.juare.dashboard.security.ui.LoginView;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security with Vaadin's configurer: form login on {@link LoginView} checked by the backend
 * ({@link BackendAuthenticationProvider}), and each view open only to the roles in its {@code @RolesAllowed}.
 * Logout ends the HTTP session, and with it the backend tokens. The map's static files are open to anyone;
 * complaint photos ({@code /photos/**}) are for signed-in staff only, the daily reports' files ({@code /report-files/**})
 * for the mayor, operators and admins.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** Files served from {@code META-INF/resources} of our jar and of the Leaflet jar. */
    static final String[] PUBLIC_STATIC_FILES = {"/webjars/leaflet/**", "/juare/**", "/favicon.ico"};

    /** Health and metrics: served on the management port only, which the public proxy never routes to. */
    @Bean
    @Order(1)
    SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // static files for the map (Leaflet from its jar, our script): public, like Vaadin's own bundle
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_STATIC_FILES).permitAll());
        // the complaint photo proxy (complaint.PhotoProxy) for signed-in staff; Vaadin denies any other non-view path
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/photos/**")
                .hasAnyRole("OPERATOR", "OPD_RESPONDER", "OPD_HEAD", "MAYOR", "ADMIN"));
        // the daily reports' files (report.ReportFileProxy) for the roles that read reports
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/report-files/**")
                .hasAnyRole("MAYOR", "OPERATOR", "ADMIN"));
        // a wrong password keeps the username for the login page (Vaadin's configurer sets the login page only)
        http.formLogin(form -> form.failureHandler(new KeepUsernameOnFailure("/login?error")));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
