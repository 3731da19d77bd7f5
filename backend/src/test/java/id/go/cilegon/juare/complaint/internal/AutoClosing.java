package id.go.cilegon.juare.complaint.internal;

import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * For tests in other packages: closes a resolved complaint as the clock job does when the resident has not answered in
 * time (the same lifecycle step, verification decision included), without waiting five days or touching others.
 */
public final class AutoClosing {

    private AutoClosing() {
    }

    /** True if it closed (it was RESOLVED). */
    public static boolean closeNow(ApplicationContext context, String complaintId) {
        ComplaintRepository complaints = context.getBean(ComplaintRepository.class);
        LifecycleService lifecycle = context.getBean(LifecycleService.class);
        return complaints.findById(UUID.fromString(complaintId))
                .flatMap(lifecycle::autoClose)
                .blockOptional(Duration.ofSeconds(30))
                .isPresent();
    }
}
