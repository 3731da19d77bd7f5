package id.go.cilegon.juare.platform;

import java.util.Map;

/**
 * A subscription's source event that many subscribers receive alike (issue 15, docs/adr/0038): the engine resolves
 * and encodes its selection once for every subscriber with the same {@link #shareKey}, the same document, the same
 * variables used in the selection and the same language, and gives each the shared result with its
 * {@link #ownFields} put in.
 */
public interface SharedSubscriptionEvent {

    /**
     * Equal for two deliveries exactly when every field below the event resolves the same for both callers (apart from
     * {@link #ownFields}): the event, what it carries (by identity) and everything of the caller a resolver below it
     * reads. Null: not shared.
     */
    Object shareKey();

    /** The event's top-level fields whose value is this subscriber's own: field name → its value in the result. */
    Map<String, Object> ownFields();
}
