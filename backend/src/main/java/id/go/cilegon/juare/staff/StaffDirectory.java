package id.go.cilegon.juare.staff;

import id.go.cilegon.juare.platform.PersonalDataCipher;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads staff accounts for other modules. */
@Service
public class StaffDirectory {

    static final String COLUMNS = "id, username, display_name, role, opd_code, phone_masked, shift, active, locked_until, created_at";

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    public StaffDirectory(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    public Mono<StaffAccount> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM staff WHERE id = :id")
                .bind("id", id)
                .map(StaffDirectory::toAccount)
                .one();
    }

    public Flux<StaffAccount> all() {
        return db.sql("SELECT " + COLUMNS + " FROM staff ORDER BY role, username")
                .map(StaffDirectory::toAccount)
                .all();
    }

    /** Display names by id, for timelines. */
    public Mono<Map<UUID, String>> displayNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, display_name FROM staff WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("display_name", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** WhatsApp numbers of the active heads of an OPD, for escalations. Never log them. */
    public Mono<List<String>> opdHeadPhones(String opdCode) {
        return db.sql("SELECT phone_encrypted FROM staff WHERE opd_code = :opd AND role = 'OPD_HEAD' AND active AND phone_encrypted IS NOT NULL")
                .bind("opd", opdCode)
                .map(row -> cipher.decrypt(row.get("phone_encrypted", byte[].class)))
                .all()
                .collectList();
    }

    /**
     * WhatsApp numbers of these accounts (by username) that are active and have a phone, for reports sent to named
     * people. Accounts missing here have no number or are inactive. Never log the numbers.
     */
    public Mono<Map<String, String>> phonesByUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT username, phone_encrypted FROM staff WHERE username = ANY(:usernames) AND active AND phone_encrypted IS NOT NULL")
                .bind("usernames", usernames.toArray(String[]::new))
                .map(row -> Map.entry(row.get("username", String.class), cipher.decrypt(row.get("phone_encrypted", byte[].class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public static StaffAccount toAccount(Readable row) {
        return new StaffAccount(
                row.get("id", UUID.class),
                row.get("username", String.class),
                row.get("display_name", String.class),
                StaffRole.valueOf(row.get("role", String.class)),
                row.get("opd_code", String.class),
                row.get("phone_masked", String.class),
                row.get("shift", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("locked_until", Instant.class),
                row.get("created_at", Instant.class));
    }
}
