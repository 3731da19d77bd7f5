package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.notify.NotificationOutbox;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.staff.StaffAccount;
import id.go.cilegon.juare.staff.StaffDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes, stores and sends daily reports. The morning's report is made once across instances: under a transaction-level
 * advisory lock, the instance that finds the day missing makes it, stores it and queues its WhatsApp documents in one
 * transaction; an instance that waited for the lock then finds it there. A regeneration replaces the day's row and sends
 * nothing (the recipients already had that day's report; the admin downloads the new one).
 */
@Service
class DailyReportService {

    private static final Logger log = LoggerFactory.getLogger(DailyReportService.class);
    /** Any constant shared by all instances: "JUARERPT". */
    static final long LOCK_KEY = 0x4A55415245525054L;
    static final String MESSAGE_KIND = "DAILY_REPORT";

    private final ReportMaker maker;
    private final ReportRepository repository;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final NotificationOutbox outbox;
    private final StaffDirectory staff;
    private final ReportProperties properties;
    private final Clock clock;

    DailyReportService(ReportMaker maker, ReportRepository repository, DatabaseClient db, TransactionalOperator tx,
                       NotificationOutbox outbox, StaffDirectory staff, ReportProperties properties, Clock clock) {
        this.maker = maker;
        this.repository = repository;
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    /** Today in WIB by the application's clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), IndonesianDates.WIB);
    }

    /**
     * The scheduled report of {@code day}, made and sent unless it exists; true if this call made it. Several instances
     * may call it at once: the lock lets one through at a time and the second finds the report.
     */
    Mono<Boolean> makeScheduled(LocalDate day) {
        Mono<Boolean> once = db.sql("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", LOCK_KEY)
                .then()
                .then(repository.exists(day))
                .flatMap(present -> present ? Mono.just(false) : makeStoreAndSend(day));
        return once.as(tx::transactional);
    }

    private Mono<Boolean> makeStoreAndSend(LocalDate day) {
        long started = System.nanoTime();
        return maker.make(day)
                .flatMap(made -> repository.insertIfAbsent(UUID.randomUUID(), day, made.content().asOf(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                                DailyReport.Trigger.SCHEDULE.name(), null, made.json(), made.contentHash(), made.pdf(), made.csv())
                        .flatMap(inserted -> inserted ? send(made).thenReturn(true) : Mono.just(false)))
                .doOnNext(made -> {
                    if (made) {
                        log.info("Daily report of {} made in {} ms", day, (System.nanoTime() - started) / 1_000_000);
                    }
                });
    }

    /** Queues the PDF for every configured recipient with a phone; usernames only in the log. */
    private Mono<Void> send(ReportMaker.Made made) {
        List<String> recipients = properties.recipients();
        return staff.phonesByUsername(recipients)
                .flatMapMany(phones -> {
                    recipients.stream()
                            .filter(username -> !phones.containsKey(username))
                            .forEach(username -> log.warn("Daily report not sent to {}: no active staff account with a phone number",
                                    username));
                    return Flux.fromIterable(recipients)
                            .filter(phones::containsKey)
                            .concatMap(username -> outbox.enqueueDocument(phones.get(username), filename(made.content().day(),
                                    ReportRepository.ReportFile.PDF), "application/pdf", made.pdf(), caption(made.content()), MESSAGE_KIND));
                })
                .then();
    }

    static String filename(LocalDate day, ReportRepository.ReportFile file) {
        return "laporan-harian-" + day + "." + file.extension;
    }

    /** The WhatsApp caption: the day and the city's figures. */
    static String caption(ReportContent content) {
        ReportContent.Figures t = content.totals();
        return String.format(Locale.ROOT, "Laporan Harian Pengaduan Juare, %s%nDiterima: %d | Ditangani: %d | Belum ditangani: %d | "
                        + "Terlambat: %d | Menunggu diteruskan: %d",
                IndonesianDates.longDate(content.day()), t.received(), t.handled(), t.notHandled(), t.overdue(),
                content.awaitingDispatch());
    }

    /** ADMIN: makes a past day's report again and stores it in place of the old one. */
    Mono<DailyReport> regenerate(Caller caller, String dayText) {
        return Mono.fromCallable(() -> pastDay(dayText))
                .flatMap(day -> generatedBy(caller)
                        .flatMap(by -> maker.make(day)
                                .flatMap(made -> repository.replace(UUID.randomUUID(), day, made.content().asOf(),
                                        clock.instant().truncatedTo(ChronoUnit.MICROS), DailyReport.Trigger.REGENERATED.name(), by,
                                        made.json(), made.contentHash(), made.pdf(), made.csv())))
                        .as(tx::transactional)
                        .then(repository.find(day)))
                .map(DailyReport::of);
    }

    private Mono<String> generatedBy(Caller caller) {
        return staff.find(caller.id())
                .map(StaffAccount::username)
                .defaultIfEmpty(caller.id().toString());
    }

    /** A past WIB day, or INVALID_INPUT. */
    LocalDate pastDay(String text) {
        LocalDate day = parseDay(text);
        if (!day.isBefore(today())) {
            throw UserError.of(ErrorCode.INVALID_INPUT,
                    "report.past-day-only", "day").exception();
        }
        return day;
    }

    static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw UserError.of(ErrorCode.INVALID_INPUT, "report.day-format", "day").exception();
        }
    }
}
