package id.go.cilegon.juare.report.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Yesterday's report, every morning at {@code juare.report.daily-time} WIB. Every instance looks each minute (and
 * right at start-up): once today's time has passed and yesterday's report is missing, it makes it. So the morning's
 * run, the catch-up after a start later in the day, and a retry after a failed run are the same check; the service's
 * advisory lock and the unique day make the report, and its WhatsApp messages, once across instances. The checks
 * begin when the application is ready, after the start-up runners (the demo data), so that a catch-up report sees them.
 */
@Component
class DailyReportJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DailyReportJob.class);

    private final DailyReportService service;
    private final ReportRepository repository;
    private final ReportProperties properties;
    private final Clock clock;
    private volatile Disposable schedule;

    private final MeterRegistry meters;

    DailyReportJob(DailyReportService service, ReportRepository repository, ReportProperties properties, Clock clock,
                   MeterRegistry meters) {
        this.meters = meters;
        this.service = service;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled() || schedule != null) {
            return;
        }
        schedule = Flux.interval(java.time.Duration.ZERO, properties.checkEvery())
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(this::logFailure))
                .subscribe();
    }

    private Mono<Boolean> logFailure(Throwable e) {
        log.warn("Daily report run failed, the next check retries: {}", e.toString());
        meters.counter("juare.report.runs", "outcome", "failed").increment();
        return Mono.just(false);
    }

    /** The day whose report is due now, or null before today's time. */
    LocalDate dueDay() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), IndonesianDates.WIB);
        return now.toLocalTime().isBefore(properties.dailyTime()) ? null : now.toLocalDate().minusDays(1);
    }

    /** One check; true if this instance made the report. */
    Mono<Boolean> runOnce() {
        LocalDate day = dueDay();
        if (day == null) {
            return Mono.just(false);
        }
        // the cheap look without the lock first: on most checks the report is there
        return repository.exists(day)
                .flatMap(present -> present ? Mono.just(false) : service.makeScheduled(day))
                .doOnNext(made -> {
                    if (made) {
                        meters.counter("juare.report.runs", "outcome", "made").increment();
                    }
                });
    }

    @Override
    public void destroy() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
    }
}
