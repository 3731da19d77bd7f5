package id.go.cilegon.juare.resident;

import id.go.cilegon.juare.platform.PersonalDataCipher;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads residents for other modules. Only masked personal data leaves, except the phone for messages. */
@Service
public class ResidentDirectory {

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    public ResidentDirectory(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    public Mono<Resident> find(UUID id) {
        return db.sql("SELECT id, name, nik_masked, phone_masked, created_at FROM resident WHERE id = :id")
                .bind("id", id)
                .map(ResidentDirectory::toResident)
                .one();
    }

    /** The resident's WhatsApp number, to send a message to. Never log it. */
    public Mono<String> whatsAppNumber(UUID id) {
        return db.sql("SELECT phone_encrypted FROM resident WHERE id = :id")
                .bind("id", id)
                .map(row -> cipher.decrypt(row.get("phone_encrypted", byte[].class)))
                .one();
    }

    static Resident toResident(Readable row) {
        return new Resident(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("nik_masked", String.class),
                row.get("phone_masked", String.class),
                row.get("created_at", Instant.class));
    }
}
