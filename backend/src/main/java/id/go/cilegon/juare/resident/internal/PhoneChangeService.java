package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.notify.NotificationOutbox;
import id.go.cilegon.juare.notify.PhoneMask;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.resident.Nik;
import id.go.cilegon.juare.resident.PhoneNumber;
import id.go.cilegon.juare.resident.ResidentDirectory;
import id.go.cilegon.juare.resident.SignIn;
import io.r2dbc.spi.Readable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changing the WhatsApp number of an account: its own procedure, never a side effect of signing in.
 * <ul>
 *   <li>With the old number: a code to the old (registered) number and one to the new number; both proven, the number
 *   changes at once, the old number is told on WhatsApp, and the resident is signed in.</li>
 *   <li>Old number lost: the new number proven by a code, plus the KTP shown at the kelurahan office or a photo of it
 *   (visible only to operators); the request waits for an operator, who approves or rejects it with a reason. A
 *   pending request gives no access by itself.</li>
 * </ul>
 * Every step is a resident event (ResidentEvents). The answers to requestPhoneChange have the same shape for a
 * registered and an unknown NIK.
 */
@Service
class PhoneChangeService {

    private static final Logger log = LoggerFactory.getLogger(PhoneChangeService.class);

    static final String WITH_OLD_NUMBER = "WITH_OLD_NUMBER";
    static final String KTP_AT_OFFICE = "KTP_AT_OFFICE";
    static final String KTP_PHOTO = "KTP_PHOTO";
    static final int MIN_REASON = 5;
    static final int MAX_REASON = 500;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final PersonalDataCipher cipher;
    private final OtpService otp;
    private final OtpProperties properties;
    private final RequestLimits limits;
    private final Accounts accounts;
    private final ResidentEvents events;
    private final NotificationOutbox outbox;
    private final TokenService tokens;
    private final ResidentDirectory residents;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final PhotoService photos;

    PhoneChangeService(DatabaseClient db, TransactionalOperator tx, PersonalDataCipher cipher, OtpService otp,
                       OtpProperties properties, RequestLimits limits, Accounts accounts, ResidentEvents events,
                       NotificationOutbox outbox, TokenService tokens, ResidentDirectory residents, Clock clock,
                       PhotoService photos) {
        this.photos = photos;
        this.db = db;
        this.tx = tx;
        this.cipher = cipher;
        this.otp = otp;
        this.properties = properties;
        this.limits = limits;
        this.accounts = accounts;
        this.events = events;
        this.outbox = outbox;
        this.tokens = tokens;
        this.residents = residents;
        this.clock = clock;
    }

    /** What requestPhoneChange answers: where the codes went, masked. */
    record Challenge(UUID id, Instant expiresAt, String newMaskedPhone, String oldMaskedPhone) {
    }

    /** What confirmPhoneChange answers. */
    record Confirmation(String status, SignIn signIn, KtpUpload ktpUpload) {
    }

    /** Where and how to send the KTP photo of a pending request. */
    record KtpUpload(String url, String token) {
    }

    Mono<Challenge> request(String nikInput, String newPhoneInput, boolean oldNumberLost, String client) {
        Nik nik = Nik.parse(nikInput).orElse(null);
        if (nik == null) {
            return Mono.error(OtpService.invalidNik("nik"));
        }
        PhoneNumber newPhone = PhoneNumber.parse(newPhoneInput).orElse(null);
        if (newPhone == null) {
            return Mono.error(OtpService.invalidPhone("newPhone"));
        }
        byte[] nikHash = cipher.hash("nik", nik.digits());
        return accounts.byNikHash(nikHash)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> {
                    PhoneNumber oldPhone = account.map(a -> PhoneNumber.parse(a.phoneE164()).orElseThrow()).orElse(null);
                    boolean sendToOld = !oldNumberLost && oldPhone != null;
                    RequestLimits.Keys keys = new RequestLimits.Keys()
                            .add(RequestLimits.key("chgpair", cipher.hash("pair", nik.digits() + "|" + newPhone.e164())), properties.maxPerPair())
                            .add(RequestLimits.key("dest", cipher.hash("phone", newPhone.e164())), properties.maxPerPhone())
                            .add(RequestLimits.key("nik", nikHash), properties.maxPerNik())
                            .add(RequestLimits.key("client", cipher.hash("client", client)), properties.maxPerClient());
                    if (sendToOld) {
                        keys.add(RequestLimits.key("dest", cipher.hash("phone", oldPhone.e164())), properties.maxPerPhone());
                    }
                    UUID id = UUID.randomUUID();
                    String newCode = otp.newCode();
                    // no old number to prove (unknown NIK): a hash no code matches, so the answers look the same
                    String oldCode = sendToOld ? otp.newCode() : null;
                    byte[] oldCodeHash = oldNumberLost ? null : codeHash(id, "old", oldCode != null ? oldCode : UUID.randomUUID().toString());
                    Instant now = clock.instant();
                    Instant expires = now.plus(properties.ttl());
                    DatabaseClient.GenericExecuteSpec insert = db.sql("""
                                    INSERT INTO phone_change (id, resident_id, method, status, old_phone_hash, new_phone_hash,
                                                              new_phone_encrypted, new_phone_masked, old_code_hash, new_code_hash,
                                                              expires_at, created_at)
                                    VALUES (:id, :resident, :method, 'PROVING', :oldHash, :newHash, :newEnc, :newMasked, :oldCode,
                                            :newCode, :expires, :now)""")
                            .bind("id", id)
                            .bind("method", oldNumberLost ? KTP_AT_OFFICE : WITH_OLD_NUMBER)
                            .bind("newHash", cipher.hash("phone", newPhone.e164()))
                            .bind("newEnc", cipher.encrypt(newPhone.e164()))
                            .bind("newMasked", newPhone.masked())
                            .bind("newCode", codeHash(id, "new", newCode))
                            .bind("expires", expires)
                            .bind("now", now);
                    insert = account.isPresent() ? insert.bind("resident", account.get().id()) : insert.bindNull("resident", UUID.class);
                    insert = oldPhone != null ? insert.bind("oldHash", account.get().phoneHash()) : insert.bindNull("oldHash", byte[].class);
                    insert = oldCodeHash != null ? insert.bind("oldCode", oldCodeHash) : insert.bindNull("oldCode", byte[].class);
                    String oldMasked = oldNumberLost ? null : oldPhone != null ? oldPhone.masked() : PhoneMask.mask(null);
                    return limits.count(keys, properties.rateWindow())
                            .then(insert.then())
                            .then(otp.deliver(newPhone, newCode))
                            .then(sendToOld ? otp.deliver(oldPhone, oldCode) : Mono.empty())
                            .thenReturn(new Challenge(id, expires, newPhone.masked(), oldMasked));
                });
    }

    /**
     * Checks the codes (each call counts one attempt). With the old number: changes the number and signs the resident
     * in. Old number lost: files the request for an operator, with the KTP at the office or a photo to upload.
     */
    Mono<Confirmation> confirm(UUID id, String newCode, String oldCode, String ktpProof) {
        Instant now = clock.instant();
        return db.sql("""
                        UPDATE phone_change SET attempts = attempts + 1
                        WHERE id = :id AND status = 'PROVING' AND expires_at > :now AND attempts < :max
                        RETURNING id, resident_id, method, old_phone_hash, new_phone_hash, new_phone_encrypted, new_phone_masked,
                                  old_code_hash, new_code_hash""")
                .bind("id", id)
                .bind("now", now)
                .bind("max", properties.maxAttempts())
                .map(PhoneChangeService::toProving)
                .one()
                .switchIfEmpty(Mono.defer(() -> whyNotUsable(id, now)))
                .flatMap(change -> {
                    if (!OtpService.codeMatches(codeHash(id, "new", newCode), change.newCodeHash())) {
                        return Mono.error(OtpService.wrongCode("newCode"));
                    }
                    if (WITH_OLD_NUMBER.equals(change.method())) {
                        if (!OtpService.codeMatches(codeHash(id, "old", oldCode), change.oldCodeHash())) {
                            return Mono.error(OtpService.wrongCode("oldCode"));
                        }
                        return changeWithOldNumber(change, now).as(tx::transactional);
                    }
                    return file(change, ktpProof, now).as(tx::transactional);
                });
    }

    private Mono<Proving> whyNotUsable(UUID id, Instant now) {
        return db.sql("SELECT status = 'PROVING' AND expires_at > :now AS open FROM phone_change WHERE id = :id")
                .bind("id", id)
                .bind("now", now)
                .map(row -> Boolean.TRUE.equals(row.get("open", Boolean.class)) ? OtpService.tooManyAttempts("newCode") : OtpService.expired())
                .one()
                .defaultIfEmpty(OtpService.expired())
                .flatMap(Mono::error);
    }

    private Mono<Confirmation> changeWithOldNumber(Proving change, Instant now) {
        String newE164 = cipher.decrypt(change.newPhoneEncrypted());
        return markStatus(change.id(), "PROVING", "DONE", null, null, now)
                .then(replacePhone(change.residentId(), change.oldPhoneHash(), change.newPhoneHash(), change.newPhoneEncrypted(),
                        change.newPhoneMasked(), now))
                .flatMap(oldE164 -> events.append(change.residentId(), ResidentEvents.PHONE_CHANGED, ResidentEvents.Actor.RESIDENT,
                                change.residentId(), change.id(), change.newPhoneMasked(), now)
                        .then(outbox.enqueue(oldE164, ResidentTexts.changedToOld(change.newPhoneMasked()), "PHONE_CHANGED", null))
                        .then(outbox.enqueue(newE164, ResidentTexts.changedToNew(), "PHONE_CHANGED", null)))
                .then(tokens.residentSession(change.residentId()).zipWith(residents.find(change.residentId()), SignIn::new))
                .doOnNext(s -> log.info("Resident {} changed their number with the old one", change.residentId()))
                .map(signIn -> new Confirmation("DONE", signIn, null));
    }

    private Mono<Confirmation> file(Proving change, String ktpProof, Instant now) {
        if (change.residentId() == null) {
            // the new number is proven, and an unknown NIK gets its code on the typed number anyway: nothing to hide
            return Mono.error(UserError.of(ErrorCode.NOT_FOUND,
                    "resident.phone-change.nik-unknown",
                    "challengeId").exception());
        }
        boolean photo = "PHOTO".equals(ktpProof);
        String secret = photo ? newSecret() : null;
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        UPDATE phone_change SET status = 'PENDING', method = :method, upload_secret_hash = :secret
                        WHERE id = :id AND status = 'PROVING'""")
                .bind("id", change.id())
                .bind("method", photo ? KTP_PHOTO : KTP_AT_OFFICE);
        update = secret == null ? update.bindNull("secret", byte[].class) : update.bind("secret", cipher.hash("upload", secret));
        return update.fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(OtpService.expired()))
                .then(events.append(change.residentId(), ResidentEvents.PHONE_CHANGE_REQUESTED, ResidentEvents.Actor.APPLICANT, null,
                        change.id(), (photo ? KTP_PHOTO : KTP_AT_OFFICE) + " " + change.newPhoneMasked(), now))
                .then(outbox.enqueue(cipher.decrypt(change.newPhoneEncrypted()), ResidentTexts.requested(photo), "PHONE_CHANGE_REQUESTED", null))
                // if the registered number is not lost after all, its owner learns of the request at once
                .then(db.sql("SELECT phone_encrypted FROM resident WHERE id = :id").bind("id", change.residentId())
                        .map(row -> cipher.decrypt(row.get("phone_encrypted", byte[].class))).one()
                        .flatMap(old -> outbox.enqueue(old, ResidentTexts.requestedToOld(change.newPhoneMasked()), "PHONE_CHANGE_REQUESTED", null)))
                .thenReturn(new Confirmation("PENDING", null,
                        photo ? new KtpUpload("/api/phone-changes/" + change.id() + "/ktp-photo", secret) : null));
    }

    /** The number changes only if it is still the one the request started from; answers the old number. */
    private Mono<String> replacePhone(UUID residentId, byte[] oldHash, byte[] newHash, byte[] newEncrypted, String newMasked, Instant now) {
        return db.sql("""
                        UPDATE resident r SET phone_hash = :newHash, phone_encrypted = :newEnc, phone_masked = :newMasked, updated_at = :now
                        FROM (SELECT id, phone_encrypted FROM resident WHERE id = :id AND phone_hash = :oldHash FOR UPDATE) old
                        WHERE r.id = old.id
                        RETURNING old.phone_encrypted AS old_phone""")
                .bind("id", residentId)
                .bind("oldHash", oldHash)
                .bind("newHash", newHash)
                .bind("newEnc", newEncrypted)
                .bind("newMasked", newMasked)
                .bind("now", now)
                .map(row -> cipher.decrypt(row.get("old_phone", byte[].class)))
                .one()
                .switchIfEmpty(Mono.error(() -> UserError.of(ErrorCode.CONFLICT,
                        "resident.phone-change.number-changed").exception()))
                // sessions on the old number's device end: it may be in someone else's hands
                .flatMap(old -> db.sql("UPDATE refresh_token SET revoked_at = :now WHERE subject_type = :kind AND subject_id = :id AND revoked_at IS NULL")
                        .bind("now", now)
                        .bind("kind", TokenService.KIND_RESIDENT)
                        .bind("id", residentId)
                        .then()
                        .thenReturn(old));
    }

    private Mono<Void> markStatus(UUID id, String from, String to, UUID staffId, String reason, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE phone_change SET status = :to, decided_by = :staff, decided_at = :now, reason = :reason
                        WHERE id = :id AND status = :from""")
                .bind("id", id)
                .bind("from", from)
                .bind("to", to)
                .bind("now", now);
        spec = staffId == null ? spec.bindNull("staff", UUID.class) : spec.bind("staff", staffId);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(() -> UserError.of(ErrorCode.INVALID_TRANSITION,
                        "resident.phone-change.decided",
                        "requestId").exception()));
    }

    // ---------- the operators' side ----------

    /** A pending request as operators see it: masked numbers and NIK, the name, the KTP photo if any. */
    record PendingRequest(UUID id, String maskedNik, String residentName, String oldMaskedPhone, String newMaskedPhone,
                          String proof, UUID ktpPhotoId, String status, String reason, Instant createdAt) {
    }

    Mono<List<PendingRequest>> queue(Instant afterCreatedAt, UUID afterId, int limit) {
        String keyset = afterCreatedAt == null ? "" : " AND (pc.created_at, pc.id) > (:afterAt, :afterId)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT pc.id, r.nik_masked, r.name, r.phone_masked, pc.new_phone_masked, pc.method, pc.ktp_photo_id,
                               pc.status, pc.reason, pc.created_at
                        FROM phone_change pc JOIN resident r ON r.id = pc.resident_id
                        WHERE pc.status = 'PENDING' AND pc.resident_id IS NOT NULL""" + keyset + """

                        ORDER BY pc.created_at, pc.id
                        LIMIT :limit""")
                .bind("limit", limit);
        if (afterCreatedAt != null) {
            spec = spec.bind("afterAt", afterCreatedAt).bind("afterId", afterId);
        }
        return spec.map(PhoneChangeService::toPending).all().collectList();
    }

    Mono<PendingRequest> find(UUID id) {
        return db.sql("""
                        SELECT pc.id, r.nik_masked, r.name, r.phone_masked, pc.new_phone_masked, pc.method, pc.ktp_photo_id,
                               pc.status, pc.reason, pc.created_at
                        FROM phone_change pc JOIN resident r ON r.id = pc.resident_id
                        WHERE pc.id = :id AND pc.status IN ('PENDING', 'APPROVED', 'REJECTED')""")
                .bind("id", id)
                .map(PhoneChangeService::toPending)
                .one();
    }

    Mono<PendingRequest> approve(Caller operator, UUID id) {
        Instant now = clock.instant();
        return pendingForDecision(id)
                .flatMap(change -> markStatus(id, "PENDING", "APPROVED", operator.id(), null, now)
                        .then(replacePhone(change.residentId(), change.oldPhoneHash(), change.newPhoneHash(), change.newPhoneEncrypted(),
                                change.newPhoneMasked(), now))
                        .flatMap(oldE164 -> events.append(change.residentId(), ResidentEvents.PHONE_CHANGE_APPROVED,
                                        ResidentEvents.Actor.STAFF, operator.id(), id, change.newPhoneMasked(), now)
                                .then(outbox.enqueue(cipher.decrypt(change.newPhoneEncrypted()), ResidentTexts.approved(change.newPhoneMasked()),
                                        "PHONE_CHANGE_APPROVED", null))
                                // the old number hears of it too: if the request was not the owner's, the owner learns at once
                                .then(outbox.enqueue(oldE164, ResidentTexts.changedToOld(change.newPhoneMasked()), "PHONE_CHANGED", null))))
                .as(tx::transactional)
                .then(find(id))
                .doOnNext(r -> log.info("Phone change {} approved by staff {}", id, operator.id()));
    }

    Mono<PendingRequest> reject(Caller operator, UUID id, String reasonInput) {
        String reason = reasonInput == null ? "" : reasonInput.strip();
        if (reason.length() < MIN_REASON || reason.length() > MAX_REASON || reason.chars().anyMatch(c -> c == 0)) {
            return Mono.error(UserError.of(ErrorCode.INVALID_INPUT,
                    "resident.phone-change.reason-length", "reason").exception());
        }
        Instant now = clock.instant();
        return pendingForDecision(id)
                .flatMap(change -> markStatus(id, "PENDING", "REJECTED", operator.id(), reason, now)
                        .then(events.append(change.residentId(), ResidentEvents.PHONE_CHANGE_REJECTED, ResidentEvents.Actor.STAFF,
                                operator.id(), id, reason, now))
                        .then(outbox.enqueue(cipher.decrypt(change.newPhoneEncrypted()), ResidentTexts.rejected(reason),
                                "PHONE_CHANGE_REJECTED", null)))
                .as(tx::transactional)
                .then(find(id))
                .doOnNext(r -> log.info("Phone change {} rejected by staff {}", id, operator.id()));
    }

    private Mono<Proving> pendingForDecision(UUID id) {
        return db.sql("""
                        SELECT pc.id, pc.resident_id, pc.method, r.phone_hash AS old_phone_hash, pc.new_phone_hash, pc.new_phone_encrypted,
                               pc.new_phone_masked, pc.old_code_hash, pc.new_code_hash
                        FROM phone_change pc JOIN resident r ON r.id = pc.resident_id
                        WHERE pc.id = :id AND pc.status = 'PENDING'""")
                .bind("id", id)
                .map(PhoneChangeService::toProving)
                .one()
                .switchIfEmpty(Mono.error(() -> UserError.of(ErrorCode.NOT_FOUND,
                        "resident.phone-change.not-found-or-decided", "requestId").exception()));
    }

    // ---------- the KTP photo ----------

    /** The resident a pending KTP_PHOTO request belongs to, if the token is its upload token and no photo came yet. */
    Mono<UUID> residentForUpload(UUID id, String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return db.sql("""
                        SELECT resident_id, upload_secret_hash FROM phone_change
                        WHERE id = :id AND status = 'PENDING' AND method = 'KTP_PHOTO' AND ktp_photo_id IS NULL""")
                .bind("id", id)
                .map(row -> new Object[] {row.get("resident_id", UUID.class), row.get("upload_secret_hash", byte[].class)})
                .one()
                .filter(row -> OtpService.codeMatches(cipher.hash("upload", token), (byte[]) row[1]))
                .map(row -> (UUID) row[0]);
    }

    /** Keeps the uploaded photo with the request; no owner, so only operators (KtpPhotoAccess) may see it. */
    Mono<Boolean> attachKtpPhoto(UUID id, UUID photoId) {
        return db.sql("UPDATE phone_change SET ktp_photo_id = :photo WHERE id = :id AND status = 'PENDING' AND ktp_photo_id IS NULL")
                .bind("photo", photoId)
                .bind("id", id)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? photos.handOver(photoId).thenReturn(true) : Mono.just(false))
                .as(tx::transactional);
    }

    /** Whether the photo is the KTP photo of a phone change. */
    Mono<Boolean> isKtpPhoto(UUID photoId) {
        return db.sql("SELECT 1 FROM phone_change WHERE ktp_photo_id = :photo")
                .bind("photo", photoId)
                .map(row -> true)
                .all()
                .hasElements();
    }

    private record Proving(UUID id, UUID residentId, String method, byte[] oldPhoneHash, byte[] newPhoneHash,
                           byte[] newPhoneEncrypted, String newPhoneMasked, byte[] oldCodeHash, byte[] newCodeHash) {
    }

    private static Proving toProving(Readable row) {
        return new Proving(row.get("id", UUID.class), row.get("resident_id", UUID.class), row.get("method", String.class),
                row.get("old_phone_hash", byte[].class), row.get("new_phone_hash", byte[].class),
                row.get("new_phone_encrypted", byte[].class), row.get("new_phone_masked", String.class),
                row.get("old_code_hash", byte[].class), row.get("new_code_hash", byte[].class));
    }

    private static PendingRequest toPending(Readable row) {
        String method = row.get("method", String.class);
        return new PendingRequest(row.get("id", UUID.class), row.get("nik_masked", String.class), row.get("name", String.class),
                row.get("phone_masked", String.class), row.get("new_phone_masked", String.class),
                KTP_PHOTO.equals(method) ? "PHOTO" : "AT_OFFICE", row.get("ktp_photo_id", UUID.class),
                row.get("status", String.class), row.get("reason", String.class), row.get("created_at", Instant.class));
    }

    private byte[] codeHash(UUID id, String which, String code) {
        return cipher.hash("otp", id + ":" + which + ":" + (code == null ? "" : code.strip()));
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "resident.phone-change.not-found");
    }
}
