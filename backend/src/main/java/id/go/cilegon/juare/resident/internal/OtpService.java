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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sign-in by one-time code over WhatsApp. A registered NIK's code goes to its registered number, whatever number
 * was typed: the account stays with the number that proved it, and sign-in never changes it (that is
 * {@link PhoneChangeService}'s job). Codes are stored only as a keyed hash, expire, allow a few attempts, and are
 * rate-limited atomically ({@link RequestLimits}). Every answer has the same shape for a registered and an unknown
 * NIK: the challenge names only the masked number the code went to, and a wrong code is OTP_WRONG for both.
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
    private final RequestLimits limits;
    private final Accounts accounts;
    private final ResidentEvents events;
    private final SecureRandom random = new SecureRandom();

    OtpService(DatabaseClient db, TransactionalOperator tx, PersonalDataCipher cipher, WhatsAppSender whatsApp,
               TokenService tokens, ResidentDirectory residents, OtpProperties properties, Clock clock,
               RequestLimits limits, Accounts accounts, ResidentEvents events) {
        this.db = db;
        this.tx = tx;
        this.cipher = cipher;
        this.whatsApp = whatsApp;
        this.tokens = tokens;
        this.residents = residents;
        this.properties = properties;
        this.clock = clock;
        this.limits = limits;
        this.accounts = accounts;
        this.events = events;
    }

    Mono<OtpChallenge> requestOtp(String nikInput, String phoneInput, String clientAddress) {
        Nik nik = Nik.parse(nikInput).orElse(null);
        if (nik == null) {
            return Mono.error(invalidNik("nik"));
        }
        PhoneNumber typed = PhoneNumber.parse(phoneInput).orElse(null);
        if (typed == null) {
            return Mono.error(invalidPhone("phone"));
        }
        byte[] nikHash = cipher.hash("nik", nik.digits());
        return accounts.byNikHash(nikHash)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> {
                    // a registered NIK's code goes to the number that proved it; an unknown NIK registers the typed one
                    PhoneNumber destination = account.map(a -> PhoneNumber.parse(a.phoneE164()).orElseThrow()).orElse(typed);
                    NewChallenge challenge = newChallenge(nik, nikHash, destination, account.map(Accounts.Account::id).orElse(null), clientAddress);
                    return limits.count(signInKeys(nik, typed, destination, account.isPresent(), clientAddress), properties.rateWindow())
                            .then(insert(challenge))
                            .then(deliver(destination, challenge.code()))
                            .thenReturn(new OtpChallenge(challenge.id(), challenge.expiresAt(), destination.masked()));
                });
    }

    /**
     * Counted per (NIK, typed number) pair and per client always. A request that is not the owner's own pair (a
     * registered NIK with its registered number) also counts against the number the code goes to and the NIK: so a
     * stranger with made-up numbers can send the owner only so many codes and cannot use up the owner's pair.
     */
    private RequestLimits.Keys signInKeys(Nik nik, PhoneNumber typed, PhoneNumber destination, boolean registered, String client) {
        RequestLimits.Keys keys = new RequestLimits.Keys()
                .add(RequestLimits.key("pair", cipher.hash("pair", nik.digits() + "|" + typed.e164())), properties.maxPerPair())
                .add(RequestLimits.key("client", cipher.hash("client", client)), properties.maxPerClient());
        boolean ownersPair = registered && destination.equals(typed);
        if (!ownersPair) {
            keys.add(RequestLimits.key("dest", cipher.hash("phone", destination.e164())), properties.maxPerPhone())
                    .add(RequestLimits.key("nik", cipher.hash("nik", nik.digits())), properties.maxPerNik());
        }
        return keys;
    }

    private NewChallenge newChallenge(Nik nik, byte[] nikHash, PhoneNumber destination, UUID residentId, String client) {
        UUID id = UUID.randomUUID();
        String code = newCode();
        Instant now = clock.instant();
        return new NewChallenge(id, code, now, now.plus(properties.ttl()), nikHash, cipher.encrypt(nik.digits()),
                cipher.hash("phone", destination.e164()), cipher.encrypt(destination.e164()),
                cipher.hash("client", client), codeHash(id, code), residentId);
    }

    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private Mono<Void> insert(NewChallenge c) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO otp_challenge (id, nik_hash, nik_encrypted, phone_hash, phone_encrypted, client_hash,
                                                   code_hash, created_at, expires_at, resident_id)
                        VALUES (:id, :nikHash, :nikEnc, :phoneHash, :phoneEnc, :clientHash, :codeHash, :created, :expires, :resident)""")
                .bind("id", c.id())
                .bind("nikHash", c.nikHash())
                .bind("nikEnc", c.nikEncrypted())
                .bind("phoneHash", c.phoneHash())
                .bind("phoneEnc", c.phoneEncrypted())
                .bind("clientHash", c.clientHash())
                .bind("codeHash", c.codeHash())
                .bind("created", c.createdAt())
                .bind("expires", c.expiresAt());
        spec = c.residentId() == null ? spec.bindNull("resident", UUID.class) : spec.bind("resident", c.residentId());
        return spec.then();
    }

    Mono<Void> deliver(PhoneNumber to, String code) {
        return whatsApp.sendOtp(to.e164(), code)
                .onErrorMap(e -> UserError.of(ErrorCode.OTP_DELIVERY_FAILED,
                        "resident.otp.delivery-failed").exception());
    }

    /**
     * Checks the code first (counting the attempt), then signs in. A right code for a NIK without an account needs a
     * name: NAME_REQUIRED then leaves the challenge unused, so the app can send it again with the name.
     */
    Mono<SignIn> verifyOtp(UUID challengeId, String code, String name) {
        return loadChallenge(challengeId)
                .switchIfEmpty(Mono.error(OtpService::expired))
                .flatMap(challenge -> countAttempt(challengeId).thenReturn(challenge))
                .flatMap(challenge -> checkCode(challenge, code))
                .flatMap(challenge -> signIn(challenge, name).as(tx::transactional));
    }

    private Mono<StoredChallenge> loadChallenge(UUID id) {
        return db.sql("SELECT id, nik_hash, nik_encrypted, phone_hash, phone_encrypted, code_hash, resident_id FROM otp_challenge WHERE id = :id")
                .bind("id", id)
                .map(row -> new StoredChallenge(
                        row.get("id", UUID.class),
                        row.get("nik_hash", byte[].class),
                        row.get("nik_encrypted", byte[].class),
                        row.get("phone_hash", byte[].class),
                        row.get("phone_encrypted", byte[].class),
                        row.get("code_hash", byte[].class),
                        row.get("resident_id", UUID.class)))
                .one();
    }

    static boolean validName(String name) {
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
                        : tooManyAttempts("code"))
                .one()
                .flatMap(Mono::error);
    }

    private Mono<StoredChallenge> checkCode(StoredChallenge challenge, String code) {
        if (codeMatches(codeHash(challenge.id(), code), challenge.codeHash())) {
            return Mono.just(challenge);
        }
        return Mono.error(wrongCode("code"));
    }

    static boolean codeMatches(byte[] given, byte[] stored) {
        return stored != null && MessageDigest.isEqual(given, stored);
    }

    /**
     * The account the code was sent for, if its number is still the one the code went to; else, with no account for
     * the NIK yet, a new one with that number. A NIK registered meanwhile with another number is not taken over.
     */
    private Mono<SignIn> signIn(StoredChallenge c, String name) {
        Instant now = clock.instant();
        return db.sql("SELECT id, phone_hash FROM resident WHERE nik_hash = :nik FOR UPDATE")
                .bind("nik", c.nikHash())
                .map(row -> new Object[] {row.get("id", UUID.class), row.get("phone_hash", byte[].class)})
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent()) {
                        UUID residentId = (UUID) existing.get()[0];
                        boolean sameNumber = Arrays.equals((byte[]) existing.get()[1], c.phoneHash());
                        return sameNumber ? consume(c, now).thenReturn(residentId) : Mono.error(expired());
                    }
                    if (name == null || name.isBlank()) {
                        return Mono.error(UserError.of(ErrorCode.NAME_REQUIRED,
                                "resident.name-required", "name").exception());
                    }
                    if (!validName(name)) {
                        return Mono.error(UserError.of(ErrorCode.INVALID_INPUT,
                                "resident.name-length", "name").exception());
                    }
                    return consume(c, now).then(register(c, name.strip(), now));
                })
                .flatMap(residentId -> tokens.residentSession(residentId)
                        .zipWith(residents.find(residentId), SignIn::new));
    }

    private Mono<Void> consume(StoredChallenge c, Instant now) {
        return db.sql("UPDATE otp_challenge SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
                .bind("now", now)
                .bind("id", c.id())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(expired()));
    }

    /** A new account bound to the number that proved it; a parallel registration of the NIK wins and this one fails. */
    private Mono<UUID> register(StoredChallenge c, String name, Instant now) {
        String nik = cipher.decrypt(c.nikEncrypted());
        String phone = cipher.decrypt(c.phoneEncrypted());
        UUID id = UUID.randomUUID();
        return db.sql("""
                        INSERT INTO resident (id, nik_hash, nik_encrypted, nik_masked, phone_hash, phone_encrypted, phone_masked,
                                              name, created_at, updated_at)
                        VALUES (:id, :nikHash, :nikEnc, :nikMasked, :phoneHash, :phoneEnc, :phoneMasked, :name, :now, :now)
                        ON CONFLICT (nik_hash) DO NOTHING
                        RETURNING id""")
                .bind("id", id)
                .bind("nikHash", c.nikHash())
                .bind("nikEnc", c.nikEncrypted())
                .bind("nikMasked", Nik.parse(nik).orElseThrow().masked())
                .bind("phoneHash", c.phoneHash())
                .bind("phoneEnc", c.phoneEncrypted())
                .bind("phoneMasked", PhoneNumber.parse(phone).orElseThrow().masked())
                .bind("name", name)
                .bind("now", now)
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(OtpService::expired))
                .flatMap(created -> events.append(created, ResidentEvents.REGISTERED, ResidentEvents.Actor.RESIDENT, created,
                        null, null, now).thenReturn(created))
                .doOnNext(created -> log.info("Resident {} registered", created));
    }

    static RuntimeException expired() {
        return UserError.of(ErrorCode.OTP_EXPIRED,
                "resident.otp.expired", "code").exception();
    }

    static RuntimeException wrongCode(String field) {
        return UserError.of(ErrorCode.OTP_WRONG, "resident.otp.wrong", field).exception();
    }

    static RuntimeException tooManyAttempts(String field) {
        return UserError.of(ErrorCode.OTP_TOO_MANY_ATTEMPTS,
                "resident.otp.too-many-attempts", field).exception();
    }

    static RuntimeException invalidNik(String field) {
        return UserError.of(ErrorCode.INVALID_NIK,
                "resident.nik-invalid", field).exception();
    }

    static RuntimeException invalidPhone(String field) {
        return UserError.of(ErrorCode.INVALID_PHONE,
                "resident.phone-invalid", field).exception();
    }

    private byte[] codeHash(UUID challengeId, String code) {
        return cipher.hash("otp", challengeId + ":" + (code == null ? "" : code.strip()));
    }

    private record NewChallenge(UUID id, String code, Instant createdAt, Instant expiresAt, byte[] nikHash, byte[] nikEncrypted,
                                byte[] phoneHash, byte[] phoneEncrypted, byte[] clientHash, byte[] codeHash, UUID residentId) {
    }

    private record StoredChallenge(UUID id, byte[] nikHash, byte[] nikEncrypted, byte[] phoneHash, byte[] phoneEncrypted,
                                   byte[] codeHash, UUID residentId) {
    }
}
