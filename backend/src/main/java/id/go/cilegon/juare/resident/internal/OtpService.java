package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.notify.WhatsAppSender;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.resident.Nik;
import id.go.cilegon.juare.resident.OtpChallenge;
import id.go.cilegon.juare.resident.PhoneNumber;
import id.go.cilegon.juare.resident.ResidentDirectory;
import id.go.cilegon.juare.resident.SignIn;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sign-in by one-time code over WhatsApp. Codes are stored only as a keyed hash, expire, allow a few attempts,
 * and may be requested only so often per phone, per NIK and per client address.
 */
@Service
class OtpService {

    private static final Logger log = LoggerFactory.getLogger(OtpService.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final PersonalDataCipher cipher;
    private final WhatsAppSender whatsApp;
    private final TokenService tokens;
    private final ResidentDirectory residents;
    private final OtpProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OtpService(DatabaseClient db, TransactionalOperator tx, PersonalDataCipher cipher, WhatsAppSender whatsApp,
               TokenService tokens, ResidentDirectory residents, OtpProperties properties, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.cipher = cipher;
        this.whatsApp = whatsApp;
        this.tokens = tokens;
        this.residents = residents;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<OtpChallenge> requestOtp(String nikInput, String phoneInput, String clientAddress) {
        Nik nik = Nik.parse(nikInput).orElse(null);
        if (nik == null) {
            return Mono.error(UserError.of(ErrorCode.INVALID_NIK,
                    "NIK harus 16 angka dari KTP Kota Cilegon (3672…) / NIK must be the 16 digits of a Cilegon ID card",
                    "nik").exception());
        }
        PhoneNumber phone = PhoneNumber.parse(phoneInput).orElse(null);
        if (phone == null) {
            return Mono.error(UserError.of(ErrorCode.INVALID_PHONE,
                    "Nomor WhatsApp tidak valid, contoh 0812xxxxxxx / Not a valid Indonesian mobile number",
                    "phone").exception());
        }
        NewChallenge challenge = newChallenge(nik, phone, clientAddress);
        return storeWithinRateLimits(challenge)
                .as(tx::transactional)
                .then(deliver(challenge, phone))
                .thenReturn(new OtpChallenge(challenge.id(), challenge.expiresAt(), phone.masked()));
    }

    private NewChallenge newChallenge(Nik nik, PhoneNumber phone, String clientAddress) {
        UUID id = UUID.randomUUID();
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = clock.instant();
        return new NewChallenge(id, code, now, now.plus(properties.ttl()),
                cipher.hash("nik", nik.digits()), cipher.encrypt(nik.digits()),
                cipher.hash("phone", phone.e164()), cipher.encrypt(phone.e164()),
                cipher.hash("client", clientAddress), codeHash(id, code));
    }

    private Mono<Void> storeWithinRateLimits(NewChallenge c) {
        // serialise requests for one phone so that parallel requests cannot slip past the count
        return db.sql("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", ByteBuffer.wrap(c.phoneHash()).getLong())
                .then()
                .then(recentCounts(c))
                .flatMap(counts -> checkLimits(counts).then(insert(c)));
    }

    private Mono<long[]> recentCounts(NewChallenge c) {
        return db.sql("""
                        SELECT (SELECT count(*) FROM otp_challenge WHERE phone_hash = :phone AND created_at > :since) AS by_phone,
                               (SELECT count(*) FROM otp_challenge WHERE nik_hash = :nik AND created_at > :since) AS by_nik,
                               (SELECT count(*) FROM otp_challenge WHERE client_hash = :client AND created_at > :since) AS by_client""")
                .bind("phone", c.phoneHash())
                .bind("nik", c.nikHash())
                .bind("client", c.clientHash())
                .bind("since", c.createdAt().minus(properties.rateWindow()))
                .map(row -> new long[] {row.get("by_phone", Long.class), row.get("by_nik", Long.class), row.get("by_client", Long.class)})
                .one();
    }

    private Mono<Void> checkLimits(long[] counts) {
        if (counts[0] >= properties.maxPerPhone() || counts[1] >= properties.maxPerNik() || counts[2] >= properties.maxPerClient()) {
            return Mono.error(UserError.of(ErrorCode.RATE_LIMITED,
                    "Terlalu banyak permintaan kode, coba lagi nanti / Too many code requests, try again later").exception());
        }
        return Mono.empty();
    }

    private Mono<Void> insert(NewChallenge c) {
        return db.sql("""
                        INSERT INTO otp_challenge (id, nik_hash, nik_encrypted, phone_hash, phone_encrypted, client_hash,
                                                   code_hash, created_at, expires_at)
                        VALUES (:id, :nikHash, :nikEnc, :phoneHash, :phoneEnc, :clientHash, :codeHash, :created, :expires)""")
                .bind("id", c.id())
                .bind("nikHash", c.nikHash())
                .bind("nikEnc", c.nikEncrypted())
                .bind("phoneHash", c.phoneHash())
                .bind("phoneEnc", c.phoneEncrypted())
                .bind("clientHash", c.clientHash())
                .bind("codeHash", c.codeHash())
                .bind("created", c.createdAt())
                .bind("expires", c.expiresAt())
                .then();
    }

    private Mono<Void> deliver(NewChallenge challenge, PhoneNumber phone) {
        return whatsApp.sendOtp(phone.e164(), challenge.code())
                .onErrorMap(e -> UserError.of(ErrorCode.OTP_DELIVERY_FAILED,
                        "Kode tidak dapat dikirim ke WhatsApp, coba lagi / The code could not be sent, try again").exception());
    }

    Mono<SignIn> verifyOtp(UUID challengeId, String code, String name) {
        return loadChallenge(challengeId)
                .switchIfEmpty(Mono.error(expired()))
                .flatMap(challenge -> requireNameForNewResident(challenge, name).thenReturn(challenge))
                .flatMap(challenge -> countAttempt(challengeId).thenReturn(challenge))
                .flatMap(challenge -> checkCode(challenge, code))
                .flatMap(challenge -> consumeAndSignIn(challenge, name).as(tx::transactional));
    }

    private Mono<StoredChallenge> loadChallenge(UUID id) {
        return db.sql("SELECT id, nik_hash, nik_encrypted, phone_hash, phone_encrypted, code_hash FROM otp_challenge WHERE id = :id")
                .bind("id", id)
                .map(row -> new StoredChallenge(
                        row.get("id", UUID.class),
                        row.get("nik_hash", byte[].class),
                        row.get("nik_encrypted", byte[].class),
                        row.get("phone_hash", byte[].class),
                        row.get("phone_encrypted", byte[].class),
                        row.get("code_hash", byte[].class)))
                .one();
    }

    private Mono<Void> requireNameForNewResident(StoredChallenge challenge, String name) {
        if (name != null && !name.isBlank()) {
            return validName(name) ? Mono.empty() : Mono.error(UserError.of(ErrorCode.INVALID_INPUT,
                    "Nama 2–100 huruf / Name must be 2 to 100 characters", "name").exception());
        }
        return db.sql("SELECT 1 FROM resident WHERE nik_hash = :nik")
                .bind("nik", challenge.nikHash())
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(UserError.of(ErrorCode.NAME_REQUIRED,
                        "Masukkan nama Anda untuk pendaftaran pertama / Enter your name to register", "name").exception()))
                .then();
    }

    private static boolean validName(String name) {
        String trimmed = name.strip();
        return trimmed.length() >= 2 && trimmed.length() <= 100 && trimmed.chars().noneMatch(Character::isISOControl);
    }

    /** Counts the attempt first, atomically, so parallel guesses cannot exceed the limit. */
    private Mono<Void> countAttempt(UUID id) {
        return db.sql("""
                        UPDATE otp_challenge SET attempts = attempts + 1
                        WHERE id = :id AND consumed_at IS NULL AND expires_at > :now AND attempts < :max
                        RETURNING attempts""")
                .bind("id", id)
                .bind("now", clock.instant())
                .bind("max", properties.maxAttempts())
                .map(row -> row.get("attempts", Integer.class))
                .one()
                .switchIfEmpty(Mono.defer(() -> whyNotUsable(id)))
                .then();
    }

    private Mono<Integer> whyNotUsable(UUID id) {
        return db.sql("SELECT attempts, consumed_at IS NOT NULL AS consumed, expires_at <= :now AS expired FROM otp_challenge WHERE id = :id")
                .bind("id", id)
                .bind("now", clock.instant())
                .map(row -> Boolean.TRUE.equals(row.get("consumed", Boolean.class)) || Boolean.TRUE.equals(row.get("expired", Boolean.class))
                        ? expired()
                        : UserError.of(ErrorCode.OTP_TOO_MANY_ATTEMPTS,
                        "Terlalu banyak percobaan, minta kode baru / Too many attempts, request a new code", "code").exception())
                .one()
                .flatMap(Mono::error);
    }

    private Mono<StoredChallenge> checkCode(StoredChallenge challenge, String code) {
        String given = code == null ? "" : code.strip();
        if (MessageDigest.isEqual(codeHash(challenge.id(), given), challenge.codeHash())) {
            return Mono.just(challenge);
        }
        return Mono.error(UserError.of(ErrorCode.OTP_WRONG, "Kode salah / Wrong code", "code").exception());
    }

    private Mono<SignIn> consumeAndSignIn(StoredChallenge challenge, String name) {
        Instant now = clock.instant();
        return db.sql("UPDATE otp_challenge SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
                .bind("now", now)
                .bind("id", challenge.id())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1 ? upsertResident(challenge, name, now) : Mono.error(expired()))
                .flatMap(residentId -> tokens.residentSession(residentId)
                        .zipWith(residents.find(residentId), SignIn::new));
    }

    /** Creates the resident on first sign-in; a proven new number replaces the old one. */
    private Mono<UUID> upsertResident(StoredChallenge c, String name, Instant now) {
        String nik = cipher.decrypt(c.nikEncrypted());
        String phone = cipher.decrypt(c.phoneEncrypted());
        Nik parsedNik = Nik.parse(nik).orElseThrow();
        PhoneNumber parsedPhone = PhoneNumber.parse(phone).orElseThrow();
        return db.sql("""
                        INSERT INTO resident (id, nik_hash, nik_encrypted, nik_masked, phone_hash, phone_encrypted, phone_masked,
                                              name, created_at, updated_at)
                        VALUES (:id, :nikHash, :nikEnc, :nikMasked, :phoneHash, :phoneEnc, :phoneMasked, :name, :now, :now)
                        ON CONFLICT (nik_hash) DO UPDATE
                            SET phone_hash = EXCLUDED.phone_hash, phone_encrypted = EXCLUDED.phone_encrypted,
                                phone_masked = EXCLUDED.phone_masked, updated_at = EXCLUDED.updated_at
                        RETURNING id""")
                .bind("id", UUID.randomUUID())
                .bind("nikHash", c.nikHash())
                .bind("nikEnc", c.nikEncrypted())
                .bind("nikMasked", parsedNik.masked())
                .bind("phoneHash", c.phoneHash())
                .bind("phoneEnc", c.phoneEncrypted())
                .bind("phoneMasked", parsedPhone.masked())
                .bind("name", name == null || name.isBlank() ? "Warga" : name.strip())
                .bind("now", now)
                .map(row -> row.get("id", UUID.class))
                .one()
                .doOnNext(id -> log.info("Resident {} signed in", id));
    }

    private static RuntimeException expired() {
        return UserError.of(ErrorCode.OTP_EXPIRED,
                "Kode sudah tidak berlaku, minta kode baru / The code has expired, request a new one", "code").exception();
    }

    private byte[] codeHash(UUID challengeId, String code) {
        return cipher.hash("otp", challengeId + ":" + code);
    }

    private record NewChallenge(UUID id, String code, Instant createdAt, Instant expiresAt, byte[] nikHash, byte[] nikEncrypted,
                                byte[] phoneHash, byte[] phoneEncrypted, byte[] clientHash, byte[] codeHash) {
    }

    private record StoredChallenge(UUID id, byte[] nikHash, byte[] nikEncrypted, byte[] phoneHash, byte[] phoneEncrypted,
                                   byte[] codeHash) {
    }
}
