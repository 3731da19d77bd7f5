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
 * for the mayor, operators and admins. Any other path needs a sign-in (Vaadin's default denies it), so that an unknown
 * address shows the dashboard's own page for it.
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
        // any other path: for signed-in staff Vaadin's router answers it (an unknown address gets the dead-end page
        // with the menu, base.ui.NotFoundView), everyone else goes to the login first
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(rule -> rule.authenticated()));
        // a wrong password keeps the username for the login page. After Vaadin's configurer, which sets the login page
        // when it is initialised: a form login configured before it would be initialised first, without that page, and
        // serve Spring's generated one
        http.formLogin(form -> form.failureHandler(new KeepUsernameOnFailure("/login?error")));
        return http.build();
    }
}
