package id.go.cilegon.juare.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.notify.NotificationOutbox;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.staff.StaffDirectory;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import id.go.cilegon.juare.support.WhatsAppStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The morning job of two instances racing on one database (two job and service beans with their own clock): one
 * report, one WhatsApp document per recipient with a phone, nothing more on later checks; nothing before the time.
 */
class DailyReportJobTest extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2017, 9, 1);
    /** 07:30 WIB the morning after. */
    private static final Instant MORNING = Instant.parse("2017-09-02T00:30:00Z");

    @Autowired ReportMaker maker;
    @Autowired ReportRepository repository;
    @Autowired TransactionalOperator tx;
    @Autowired NotificationOutbox outbox;
    @Autowired StaffDirectory staff;
    @Autowired PersonalDataCipher cipher;

    private String staffWithPhone(String role, String phoneE164) {
        String username = "laporan-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        INSERT INTO staff (id, username, display_name, password_hash, role, phone_encrypted, phone_masked, active,
                                           created_at, updated_at)
                        VALUES (:id, :username, 'Penerima Laporan', 'not-a-hash', :role, :phone, '+62811•••••000', true, now(), now())""")
                .bind("id", UUID.randomUUID())
                .bind("username", username)
                .bind("role", role)
                .bind("phone", cipher.encrypt(phoneE164))
                .then()
                .block();
        return username;
    }

    private DailyReportJob instance(ReportProperties properties, Clock clock) {
        DailyReportService service = new DailyReportService(maker, repository, db, tx, outbox, staff, properties, clock);
        return new DailyReportJob(service, repository, properties, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @Test
    void twoInstancesMakeAndSendTheReportOnce() {
        String mayorPhone = TestData.e164(TestData.phone());
        String headPhone = TestData.e164(TestData.phone());
        ReportProperties properties = new ReportProperties(LocalTime.of(7, 0),
                List.of(staffWithPhone("MAYOR", mayorPhone), staffWithPhone("ADMIN", headPhone), "tidak-ada"), Duration.ofMinutes(1), true);

        Clock early = Clock.fixed(MORNING.minus(Duration.ofMinutes(31)), ZoneOffset.UTC);
        assertThat(instance(properties, early).dueDay()).isNull();
        assertThat(instance(properties, early).runOnce().block()).isFalse();
        assertThat(repository.exists(DAY).block()).isFalse();

        Clock clock = Clock.fixed(MORNING, ZoneOffset.UTC);
        DailyReportJob first = instance(properties, clock);
        DailyReportJob second = instance(properties, clock);
        assertThat(first.dueDay()).isEqualTo(DAY);
        List<Boolean> made = Flux.merge(first.runOnce().subscribeOn(Schedulers.parallel()), second.runOnce().subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(made).containsExactlyInAnyOrder(true, false);
        assertThat(first.runOnce().block()).isFalse();
        assertThat(second.runOnce().block()).isFalse();

        ReportRepository.Stored stored = repository.find(DAY).block();
        assertThat(stored.trigger()).isEqualTo("SCHEDULE");
        assertThat(stored.generatedBy()).isNull();
        assertThat(stored.generatedAt()).isEqualTo(MORNING);
        assertThat(stored.asOf()).isEqualTo(Instant.parse("2017-09-01T17:00:00Z"));
        assertThat(queued()).isEqualTo(2);

        // the application's outbox sender delivers them: upload, then the document message, to each number once
        awaitSent();
        byte[] pdf = repository.file(DAY, ReportRepository.ReportFile.PDF).block();
        for (String phone : List.of(mayorPhone, headPhone)) {
            List<WhatsAppStub.Request> documents = WHATSAPP.requests().stream()
                    .filter(r -> r.to().equals(phone.substring(1)) && r.body().path("type").asString().equals("document"))
                    .toList();
            assertThat(documents).hasSize(1);
            assertThat(documents.getFirst().body().path("document").path("filename").asString()).isEqualTo("laporan-harian-2017-09-01.pdf");
            assertThat(documents.getFirst().body().path("document").path("caption").asString())
                    .startsWith("Laporan Harian Pengaduan Juare, Jumat, 1 September 2017");
        }
        assertThat(WHATSAPP.requests().stream()
                .filter(r -> r.path().endsWith("/media"))
                .filter(r -> r.parts().size() == 3 && "laporan-harian-2017-09-01.pdf".equals(r.parts().get(2).filename()))
                .map(r -> r.parts().get(2).content()))
                .hasSize(2)
                .allSatisfy(content -> assertThat(content).isEqualTo(pdf));
    }

    private long queued() {
        return db.sql("SELECT count(*) AS n FROM notification_outbox WHERE document_filename = 'laporan-harian-2017-09-01.pdf' AND kind = 'DAILY_REPORT'")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private void awaitSent() {
        Flux.interval(Duration.ofMillis(200))
                .concatMap(tick -> db.sql("""
                                SELECT count(*) AS n FROM notification_outbox
                                WHERE document_filename = 'laporan-harian-2017-09-01.pdf' AND sent_at IS NOT NULL""")
                        .map(row -> row.get("n", Long.class))
                        .one())
                .filter(n -> n == 2)
                .next()
                .timeout(Duration.ofSeconds(30), Mono.error(new AssertionError("the documents were not sent")))
                .block();
    }
}
