package id.go.cilegon.juare.event;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each event type's payload holds, with its types (docs/lifecycle.md, "Events"). The log stores the
 * {@link #toMap()} form as JSON: a component's name is its key, an {@link Instant} is written as its ISO-8601 text,
 * and a null component is left out. SQL reads these keys ({@code payload ->> 'replyDueAt'} …;
 * EventPayloadTest checks every key SQL reads is a component here), so a rename here is a migration there.
 */
public sealed interface EventPayload {

    EventType type();

    /** The stored form: component name to value, nulls left out, instants as text. */
    default Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Instant instant) {
                value = instant.toString();
            }
            if (value != null) {
                map.put(component.getName(), value);
            }
        }
        return map;
    }

    /** Filed by a resident (ComplaintService). */
    record Submitted(String trackingNumber) implements EventPayload {
        public EventType type() {
            return EventType.SUBMITTED;
        }
    }

    /** The clocks it started are kept here: the ranking measures against them, whatever the category says later. */
    record Dispatched(String message, String opdCode, String note, Instant replyDueAt, Instant fixDueAt) implements EventPayload {
        public EventType type() {
            return EventType.DISPATCHED;
        }
    }

    /** {@code reason}: the RejectReason's name. */
    record Rejected(String message, String reason, String note) implements EventPayload {
        public EventType type() {
            return EventType.REJECTED;
        }
    }

    /** {@code duplicateOf}: the original's tracking number. */
    record MarkedDuplicate(String message, String duplicateOf, String note) implements EventPayload {
        public EventType type() {
            return EventType.MARKED_DUPLICATE;
        }
    }

    /**
     * {@code misrouted}: the operator says the first OPD was not the right one (with a reason, in {@code note});
     * {@code excused}: it takes that OPD's assignment off its record, only when the OPD handed it back before its reply
     * deadline (Breaches.excused, ADR 0022).
     */
    record Rerouted(String message, String fromOpd, String toOpd, boolean misrouted, boolean excused, String note,
                    Instant replyDueAt, Instant fixDueAt) implements EventPayload {
        public EventType type() {
            return EventType.REROUTED;
        }
    }

    /** Staff only. */
    record TransferDeclined(String note) implements EventPayload {
        public EventType type() {
            return EventType.TRANSFER_DECLINED;
        }
    }

    /**
     * {@code first}: it stopped the reply clock. {@code template} and {@code fingerprint}: ReplyRule's decision
     * (ADR 0018; absent on events from before it, judged as real replies).
     */
    record Replied(String message, boolean first, Boolean template, String fingerprint) implements EventPayload {
        public EventType type() {
            return EventType.REPLIED;
        }
    }

    /** Staff only; {@code message}: the OPD's reason; {@code attempt}: 1 + the requests of the assignment declined before it (ADR 0022). */
    record TransferRequested(String message, String opdCode, int attempt) implements EventPayload {
        public EventType type() {
            return EventType.TRANSFER_REQUESTED;
        }
    }

    /** {@code afterPhotos}: how many after-photos came with it; {@code template}, {@code fingerprint} as for a reply. */
    record Resolved(String message, int afterPhotos, Boolean template, String fingerprint) implements EventPayload {
        public EventType type() {
            return EventType.RESOLVED;
        }
    }

    /** {@code rating} 1–5, {@code message} the resident's comment. */
    record Confirmed(String message, int rating) implements EventPayload {
        public EventType type() {
            return EventType.CONFIRMED;
        }
    }

    /**
     * {@code fixDueAt}: the new fix deadline a dispute set before ADR 0022 (one deadline per assignment); no longer
     * written, so null here.
     */
    record Disputed(String message, int photos, Instant fixDueAt) implements EventPayload {
        public EventType type() {
            return EventType.DISPUTED;
        }
    }

    /**
     * {@code verification}, {@code verificationReason}: set when the closure is queued for an operator's check
     * (verified fixes, ADR 0021: QUEUED, and why), absent otherwise.
     */
    record AutoClosed(String message, String verification, String verificationReason) implements EventPayload {
        public EventType type() {
            return EventType.AUTO_CLOSED;
        }
    }

    /** Staff only. */
    record InternalNote(String note) implements EventPayload {
        public EventType type() {
            return EventType.INTERNAL_NOTE;
        }
    }

    /** {@code dueAt}: the deadline that passed; {@code opdCode}: the OPD that held it. */
    record ReplyOverdue(Instant dueAt, String opdCode) implements EventPayload {
        public EventType type() {
            return EventType.REPLY_OVERDUE;
        }
    }

    record FixOverdue(Instant dueAt, String opdCode) implements EventPayload {
        public EventType type() {
            return EventType.FIX_OVERDUE;
        }
    }

    /** An operator verified an auto-closed fix (ADR 0021); {@code note}: the operator's, optional. */
    record FixVerified(String message, String note) implements EventPayload {
        public EventType type() {
            return EventType.FIX_VERIFIED;
        }
    }

    /** An operator found an auto-closed fix not done (ADR 0021); {@code message}: the reason; {@code opdCode}: whose fix. */
    record FixRejected(String message, String opdCode) implements EventPayload {
        public EventType type() {
            return EventType.FIX_REJECTED;
        }
    }

    /** The breach event for a clock. */
    static EventPayload overdue(EventType breach, Instant dueAt, String opdCode) {
        return switch (breach) {
            case REPLY_OVERDUE -> new ReplyOverdue(dueAt, opdCode);
            case FIX_OVERDUE -> new FixOverdue(dueAt, opdCode);
            default -> throw new IllegalArgumentException("not a breach: " + breach);
        };
    }
}
