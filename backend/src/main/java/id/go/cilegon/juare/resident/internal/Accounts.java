package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.platform.PersonalDataCipher;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Looks a NIK's account up: the number that proved it is where its codes go. */
@Component
class Accounts {

    /** A registered account: its id and its WhatsApp number (never log it). */
    record Account(UUID id, byte[] phoneHash, String phoneE164) {
    }

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    Accounts(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    Mono<Account> byNikHash(byte[] nikHash) {
        return db.sql("SELECT id, phone_hash, phone_encrypted FROM resident WHERE nik_hash = :nik")
                .bind("nik", nikHash)
                .map(row -> new Account(row.get("id", UUID.class), row.get("phone_hash", byte[].class),
                        cipher.decrypt(row.get("phone_encrypted", byte[].class))))
                .one();
    }
}
