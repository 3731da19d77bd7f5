package id.go.cilegon.juare.resident.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The resident's own event log (table resident_event, append-only by trigger): what happened to the account, who
 * did it and when. Never a plaintext NIK or number; a detail is a masked number or an operator's reason.
 */
@Component
class ResidentEvents {

    static final String REGISTERED = "REGISTERED";
    static final String PHONE_CHANGED = "PHONE_CHANGED";
    static final String PHONE_CHANGE_REQUESTED = "PHONE_CHANGE_REQUESTED";
    static final String PHONE_CHANGE_APPROVED = "PHONE_CHANGE_APPROVED";
    static final String PHONE_CHANGE_REJECTED = "PHONE_CHANGE_REJECTED";

    /** Who acted: the resident (proven by codes), someone who proved only a new number, staff, or the system. */
    enum Actor { RESIDENT, APPLICANT, STAFF, SYSTEM }

    private final DatabaseClient db;

    ResidentEvents(DatabaseClient db) {
        this.db = db;
    }

    /** Appends an event; run it in the transaction of the change it records. */
    Mono<Void> append(UUID residentId, String type, Actor actor, UUID actorId, UUID phoneChangeId, String detail, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO resident_event (resident_id, type, actor_type, actor_id, phone_change_id, detail, created_at)
                        VALUES (:resident, :type, :actor, :actorId, :change, :detail, :at)""")
                .bind("resident", residentId)
                .bind("type", type)
                .bind("actor", actor.name())
                .bind("at", at);
        spec = actorId == null ? spec.bindNull("actorId", UUID.class) : spec.bind("actorId", actorId);
        spec = phoneChangeId == null ? spec.bindNull("change", UUID.class) : spec.bind("change", phoneChangeId);
        spec = detail == null ? spec.bindNull("detail", String.class) : spec.bind("detail", detail);
        return spec.then();
    }
}
