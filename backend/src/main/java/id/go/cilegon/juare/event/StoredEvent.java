package id.go.cilegon.juare.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An event as stored in the log. */
public record StoredEvent(long id, UUID complaintId, EventType type, ActorType actorType, UUID actorId, Instant occurredAt,
                          String status, UUID residentId, String opdCode, String kecamatanCode, String categoryCode,
                          boolean visibleToResident, Map<String, Object> payload) {

    /** The human-readable message, if the event carries one. */
    public String message() {
        Object message = payload.get("message");
        return message == null ? null : message.toString();
    }
}
