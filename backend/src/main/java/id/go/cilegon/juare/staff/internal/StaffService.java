package id.go.cilegon.juare.staff.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.auth.AuthSession;
import id.go.cilegon.juare.auth.TokenService;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import id.go.cilegon.juare.resident.PhoneNumber;
import id.go.cilegon.juare.staff.StaffAccount;
import id.go.cilegon.juare.staff.StaffDirectory;
import id.go.cilegon.juare.staff.StaffRole;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Staff sign-in with a password, throttled per username and address (ADR 0013); account administration. */
@Service
class StaffService {

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,40}");
    static final int MIN_PASSWORD = 10;

    private final DatabaseClient db;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final StaffDirectory directory;
    private final AgencyCatalog catalog;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastCleanup = new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);
    /** Checked when the username is unknown, so that the answer takes as long as for a known one. */
    private final String decoyHash;

    StaffService(DatabaseClient db, PasswordEncoder passwords, TokenService tokens, StaffDirectory directory,
                 AgencyCatalog catalog, PersonalDataCipher cipher, Clock clock,
                 SignInThrottle throttle) {
        this.db = db;
        this.passwords = passwords;
        this.tokens = tokens;
        this.directory = directory;
        this.catalog = catalog;
        this.cipher = cipher;
        this.clock = clock;
        this.throttle = throttle;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record SignedIn(AuthSession session, StaffAccount account) {
    }

    private record Credentials(UUID id, String passwordHash, boolean active, String role, String opdCode) {
    }

    /**
     * Signs in. The attempt is counted before the password is checked ({@link SignInThrottle}); an unknown username, a
     * wrong password and a disabled account get the same answer after the same work (a decoy hash), and a delayed
     * attempt gets the same answer for every username.
     */
    Mono<SignedIn> login(String username, String password, String clientAddress) {
        String name = normalise(username);
        removeStaleCountersNowAndThen();
        return throttle.reserve(name, clientAddress)
                .onErrorMap(SignInThrottle.Delayed.class, delayed -> new SignInDelayedException(delayed.retryAfter(), clock.instant()))
                .flatMap(reservation -> check(name, password)
                        .flatMap(signedIn -> throttle.succeeded(reservation).thenReturn(signedIn))
                        .onErrorResume(UserErrorException.class, failure -> throttle.failed(reservation).then(Mono.error(failure))));
    }

    private Mono<SignedIn> check(String name, String password) {
        return db.sql("SELECT id, password_hash, active, role, opd_code FROM staff WHERE username = :u")
                .bind("u", name)
                .map(row -> new Credentials(row.get("id", UUID.class), row.get("password_hash", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("role", String.class),
                        row.get("opd_code", String.class)))
                .one()
                .flatMap(credentials -> matches(password, credentials.passwordHash())
                        .flatMap(ok -> ok && credentials.active() ? succeed(credentials) : Mono.<SignedIn>error(invalidCredentials())))
                .switchIfEmpty(Mono.defer(() -> matches(password, decoyHash).then(Mono.error(invalidCredentials()))));
    }

    private Mono<Boolean> matches(String password, String hash) {
        // BCrypt is deliberately slow: keep it off the event loop
        return Mono.fromCallable(() -> password != null && passwords.matches(password, hash))
                .onErrorReturn(IllegalArgumentException.class, false)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<SignedIn> succeed(Credentials c) {
        return tokens.issue(TokenService.KIND_STAFF, c.id(), new TokenService.Grant(List.of(c.role()), c.opdCode()))
                .zipWith(directory.find(c.id()), SignedIn::new);
    }

    private void removeStaleCountersNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastCleanup.get();
        if (last.plus(java.time.Duration.ofHours(1)).isBefore(now) && lastCleanup.compareAndSet(last, now)) {
            throttle.removeStale().subscribe(removed -> { }, e -> log.warn("Sign-in counters not cleaned up: {}", e.toString()));
        }
    }

    private static RuntimeException invalidCredentials() {
        return UserError.of(ErrorCode.INVALID_CREDENTIALS, "staff.credentials-wrong").exception();
    }

    /** RATE_LIMITED with the time to try again; the same for every username. */
    static final class SignInDelayedException extends UserErrorException {
        private final Instant retryAfter;

        SignInDelayedException(Instant retryAfter, Instant now) {
            super(UserError.of(ErrorCode.RATE_LIMITED, "staff.sign-in-delayed").with(seconds(retryAfter, now)));
            this.retryAfter = retryAfter;
        }

        Instant retryAfter() {
            return retryAfter;
        }

        private static long seconds(Instant retryAfter, Instant now) {
            return Math.max(1, (java.time.Duration.between(now, retryAfter).toMillis() + 999) / 1000);
        }
    }

    record NewAccount(String username, String displayName, String password, StaffRole role, String opdCode, String phone,
                      String shift) {
    }

    Mono<StaffAccount> create(NewAccount input) {
        String username = normalise(input.username());
        if (!USERNAME.matcher(username).matches()) {
            return Mono.error(invalid("staff.username-format", "username"));
        }
        return checkAccountFields(input.displayName(), input.password(), true, input.role(), input.opdCode())
                .then(Mono.defer(() -> insert(username, input)))
                .onErrorMap(DataIntegrityViolationException.class, e -> UserError.of(ErrorCode.USERNAME_TAKEN,
                        "staff.username-taken", "username").exception());
    }

    private Mono<StaffAccount> insert(String username, NewAccount input) {
        PhoneNumber phone = parsePhone(input.phone());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO staff (id, username, display_name, password_hash, role, opd_code, phone_encrypted,
                                           phone_masked, shift, active, created_at, updated_at)
                        VALUES (:id, :username, :name, :hash, :role, :opd, :phoneEnc, :phoneMasked, :shift, true, :now, :now)""")
                .bind("id", id)
                .bind("username", username)
                .bind("name", input.displayName().strip())
                .bind("hash", passwords.encode(input.password()))
                .bind("role", input.role().name())
                .bind("now", now);
        spec = bindOrNull(spec, "opd", input.role().boundToOpd() ? input.opdCode() : null, String.class);
        spec = bindOrNull(spec, "phoneEnc", phone == null ? null : cipher.encrypt(phone.e164()), byte[].class);
        spec = bindOrNull(spec, "phoneMasked", phone == null ? null : phone.masked(), String.class);
        spec = bindOrNull(spec, "shift", input.shift(), String.class);
        return spec.then()
                .doOnSuccess(done -> log.info("Staff account {} created with role {}", username, input.role()))
                .then(directory.find(id));
    }

    /**
     * A service account with this username, role and password, active and unlocked: created when missing, otherwise
     * changed back to them.
     */
    Mono<StaffAccount> ensureServiceAccount(String username, String displayName, String password, StaffRole role) {
        String name = normalise(username);
        return db.sql("SELECT id FROM staff WHERE username = :u")
                .bind("u", name)
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(id -> update(new AccountChange(id, displayName, password, role, null, null, null, true))
                        // no shift: a service account is nobody's colleague on duty
                        .flatMap(account -> db.sql("UPDATE staff SET shift = NULL WHERE id = :id").bind("id", id).then()
                                .then(directory.find(id))))
                .switchIfEmpty(Mono.defer(() -> create(new NewAccount(name, displayName, password, role, null, null, null))));
    }

    record AccountChange(UUID id, String displayName, String password, StaffRole role, String opdCode, String phone,
                         String shift, Boolean active) {
    }

    Mono<StaffAccount> update(AccountChange change) {
        return directory.find(change.id())
                .switchIfEmpty(Mono.error(UserError.of(ErrorCode.NOT_FOUND, "staff.account-not-found", "id").exception()))
                .flatMap(current -> applyChange(current, change));
    }

    private Mono<StaffAccount> applyChange(StaffAccount current, AccountChange change) {
        StaffRole role = change.role() != null ? change.role() : current.role();
        String opd = role.boundToOpd() ? (change.opdCode() != null ? change.opdCode() : current.opdCode()) : null;
        String name = change.displayName() != null ? change.displayName() : current.displayName();
        return checkAccountFields(name, change.password(), false, role, opd)
                .then(Mono.defer(() -> writeChange(change, role, opd, name)))
                .then(Mono.defer(() -> afterChange(current, change)))
                .then(directory.find(change.id()));
    }

    /** A new password starts the account's sign-in counters afresh; a disabled account loses its sessions at once. */
    private Mono<Void> afterChange(StaffAccount current, AccountChange change) {
        Mono<Void> counters = change.password() != null ? throttle.forget(current.username()) : Mono.empty();
        Mono<Void> sessions;
        if (Boolean.FALSE.equals(change.active())) {
            sessions = tokens.endSessions(TokenService.KIND_STAFF, current.id())
                    .doOnSuccess(done -> log.info("Staff account {} disabled: its sessions ended", current.username()));
        } else {
            sessions = Mono.fromRunnable(() -> tokens.subjectChanged(TokenService.KIND_STAFF, current.id()));
        }
        return counters.then(sessions);
    }

    private Mono<Void> writeChange(AccountChange change, StaffRole role, String opd, String name) {
        PhoneNumber phone = parsePhone(change.phone());
        StringBuilder sql = new StringBuilder("UPDATE staff SET display_name = :name, role = :role, opd_code = :opd, "
                + "version = version + 1, updated_at = :now");
        if (change.password() != null) {
            sql.append(", password_hash = :hash, failed_logins = 0, locked_until = NULL");
        }
        if (phone != null) {
            sql.append(", phone_encrypted = :phoneEnc, phone_masked = :phoneMasked");
        }
        if (change.shift() != null) {
            sql.append(", shift = :shift");
        }
        if (change.active() != null) {
            sql.append(", active = :active");
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.append(" WHERE id = :id").toString())
                .bind("name", name.strip())
                .bind("role", role.name())
                .bind("now", clock.instant())
                .bind("id", change.id());
        spec = bindOrNull(spec, "opd", opd, String.class);
        if (change.password() != null) {
            spec = spec.bind("hash", passwords.encode(change.password()));
        }
        if (phone != null) {
            spec = spec.bind("phoneEnc", cipher.encrypt(phone.e164())).bind("phoneMasked", phone.masked());
        }
        if (change.shift() != null) {
            spec = spec.bind("shift", change.shift());
        }
        if (change.active() != null) {
            spec = spec.bind("active", change.active());
        }
        return spec.then();
    }

    private Mono<Void> checkAccountFields(String displayName, String password, boolean passwordRequired, StaffRole role, String opdCode) {
        if (displayName == null || displayName.strip().length() < 2 || displayName.strip().length() > 100) {
            return Mono.error(invalid("staff.display-name-length", "displayName"));
        }
        if ((passwordRequired || password != null) && (password == null || password.length() < MIN_PASSWORD)) {
            return Mono.error(invalid("staff.password-length", "password"));
        }
        if (role == null) {
            return Mono.error(invalid("staff.role-required", "role"));
        }
        if (role.boundToOpd() != (opdCode != null)) {
            return Mono.error(UserError.of(ErrorCode.UNKNOWN_OPD,
                    "staff.role-opd", "opdCode").exception());
        }
        if (opdCode == null) {
            return Mono.empty();
        }
        return catalog.opd(opdCode)
                .switchIfEmpty(Mono.error(UserError.of(ErrorCode.UNKNOWN_OPD, "agency.opd-unknown", "opdCode").exception()))
                .then();
    }

    private static PhoneNumber parsePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return PhoneNumber.parse(phone).orElseThrow(() -> UserError.of(ErrorCode.INVALID_PHONE,
                "staff.phone-invalid", "phone").exception());
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static RuntimeException invalid(String key, String field) {
        return UserError.of(ErrorCode.INVALID_INPUT, key, field).exception();
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
