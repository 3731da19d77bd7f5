package id.go.cilegon.juare.event;

import java.util.Map;
import java.util.UUID;

/**
 * An event to append. The complaint's resident, OPD, kecamatan and category are copied in so that
 * subscriptions can filter without a join.
 *
 * @param status the complaint's status after the event
 * @param payload small JSON-able facts: "message" is what people read
 */
public record NewEvent(UUID complaintId, EventType type, ActorType actorType, UUID actorId, String status,
                       UUID residentId, String opdCode, String kecamatanCode, String categoryCode,
                       boolean visibleToResident, Map<String, Object> payload) {

    public NewEvent {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
