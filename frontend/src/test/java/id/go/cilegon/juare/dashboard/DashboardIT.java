package id.go.cilegon.juare.dashboard;

import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard on a random port against the one real backend of this test JVM ({@link RunningBackend}), live
 * (its service account holds the one subscription). Every test class extending this shares one Spring context: the
 * properties come from this one method, so the context cache finds the same key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DashboardIT {

    @DynamicPropertySource
    static void realBackend(DynamicPropertyRegistry registry) {
        registry.add("juare.backend.url", () -> RunningBackend.get().url().toString());
        registry.add("juare.backend.live.password", () -> RunningBackend.DASHBOARD_PASSWORD);
    }

    @Value("${local.server.port}")
    protected int port;
}
