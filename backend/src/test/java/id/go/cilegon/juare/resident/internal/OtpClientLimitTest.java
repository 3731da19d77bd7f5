package id.go.cilegon.juare.resident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.notify.WhatsAppSender;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.platform.UserErrorException;
import id.go.cilegon.juare.resident.ResidentDirectory;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.TestData;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The per-client-address limit, with a small limit (the HTTP tests all come from 127.0.0.1 and set it high). */
class OtpClientLimitTest extends IntegrationTest {

    @Autowired TransactionalOperator tx;
    @Autowired PersonalDataCipher cipher;
    @Autowired WhatsAppSender whatsApp;
    @Autowired TokenService tokens;
    @Autowired ResidentDirectory residents;
    @Autowired Clock clock;
    @Autowired RequestLimits limits;
    @Autowired Accounts accounts;
    @Autowired ResidentEvents events;

    @Test
    void codeRequestsAreLimitedPerClientAddress() {
        OtpService otp = new OtpService(db, tx, cipher, whatsApp, tokens, residents,
                new OtpProperties(Duration.ofMinutes(5), 5, Duration.ofHours(1), 5, 5, 3, 5), clock, limits, accounts, events);
        String client = "client-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            otp.requestOtp(TestData.nik(), TestData.phone(), client).block();
        }
        assertThat(otp.requestOtp(TestData.nik(), TestData.phone(), client)
                .map(c -> "sent")
                .onErrorResume(UserErrorException.class, e -> reactor.core.publisher.Mono.just(e.error().code().name()))
                .block())
                .isEqualTo(ErrorCode.RATE_LIMITED.name());
        // another address is not affected
        assertThat(otp.requestOtp(TestData.nik(), TestData.phone(), "other-" + client).block()).isNotNull();
    }

    /** 30 requests at once from one address with a limit of 20: exactly 20 get a code (the audit saw 28). */
    @Test
    void parallelRequestsFromOneAddressCannotSlipPastTheLimit() {
        OtpService otp = new OtpService(db, tx, cipher, whatsApp, tokens, residents,
                new OtpProperties(Duration.ofMinutes(5), 5, Duration.ofHours(1), 5, 5, 20, 5), clock, limits, accounts, events);
        String client = "race-" + UUID.randomUUID();
        java.util.List<String> outcomes = reactor.core.publisher.Flux.range(0, 30)
                .flatMap(i -> otp.requestOtp(TestData.nik(), TestData.phone(), client)
                        .map(c -> "sent")
                        .onErrorResume(UserErrorException.class, e -> reactor.core.publisher.Mono.just(e.error().code().name()))
                        .subscribeOn(reactor.core.scheduler.Schedulers.parallel()), 30)
                .collectList()
                .block();
        long sent = outcomes.stream().filter("sent"::equals).count();
        System.out.println("HOSTILE otp-client-race: 30 parallel requests from one address, accepted " + sent + "/20");
        assertThat(sent).isEqualTo(20);
        assertThat(outcomes).filteredOn(o -> !o.equals("sent")).containsOnly(ErrorCode.RATE_LIMITED.name());
    }
}
