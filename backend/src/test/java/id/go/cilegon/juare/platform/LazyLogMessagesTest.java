package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.log.LogMessage;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;

/**
 * ADR 0048: Spring's log messages (Commons Logging) are rendered only when their level is on — before, every
 * {@code logger.debug(LogMessage.format(…))} of Spring Security's request matchers built its text on every request —
 * and what is logged still reaches Logback.
 */
@ExtendWith(OutputCaptureExtension.class)
class LazyLogMessagesTest extends IntegrationTest {

    /** Counts how often it is turned into text. */
    private static final class Counted {
        final AtomicInteger rendered = new AtomicInteger();

        @Override
        public String toString() {
            rendered.incrementAndGet();
            return "lazy-log-check-" + rendered.get();
        }
    }

    @Test
    void aMessageOfALevelThatIsOffIsNeverRendered() {
        Log log = LogFactory.getLog(OrServerWebExchangeMatcher.class);
        assertThat(log.isDebugEnabled()).isFalse();
        Counted matcher = new Counted();
        log.debug(LogMessage.format("Trying to match using %s", matcher));
        log.trace(LogMessage.format("Trying to match using %s", matcher));
        log.debug(LogMessage.of(matcher::toString));
        assertThat(matcher.rendered).hasValue(0);
    }

    @Test
    void whatIsLoggedStillReachesLogback(CapturedOutput output) {
        Log log = LogFactory.getLog(LazyLogMessagesTest.class);
        Counted message = new Counted();
        log.info(LogMessage.format("%s", message));
        assertThat(message.rendered).hasValue(1);
        assertThat(output.getOut()).contains("lazy-log-check-1").contains(LazyLogMessagesTest.class.getSimpleName());
    }
}
