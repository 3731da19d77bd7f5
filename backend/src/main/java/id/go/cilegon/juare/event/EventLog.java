package id.go.cilegon.juare.event;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and reads the event log. {@link #append} runs in the caller's transaction and should be its last
 * statement: the id comes from a row lock held until commit (see V1__schema.sql).
 */
@Service
public class EventLog {

    private static final String COLUMNS = """
            id, complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id, opd_code, kecamatan_code,
            category_code, visible_to_resident, payload::text AS payload""";

    private static final int APPEND_BATCH = 250;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public EventLog(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** Appends the event; returns its id. */
    public Mono<Long> append(NewEvent event) {
        return appendAt(event, clock.instant());
    }

    /**
     * Appends an event that happened at a given time: for importing history and for demo data only; ids still
     * follow commit order.
     */
    public Mono<Long> appendAt(NewEvent event, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO complaint_event (complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                                                     opd_code, kecamatan_code, category_code, visible_to_resident, payload)
                        VALUES (:complaint, :type, :actorType, :actorId, :at, :status, :resident, :opd, :kecamatan, :category,
                                :visible, :payload)
                        RETURNING id""")
                .bind("complaint", event.complaintId())
                .bind("type", event.type().name())
                .bind("actorType", event.actorType().name())
                .bind("at", now)
                .bind("status", event.status())
                .bind("resident", event.residentId())
                .bind("kecamatan", event.kecamatanCode())
                .bind("category", event.categoryCode())
                .bind("visible", event.visibleToResident())
                .bind("payload", Json.of(json.writeValueAsString(event.payload())));
        spec = event.actorId() == null ? spec.bindNull("actorId", UUID.class) : spec.bind("actorId", event.actorId());
        spec = event.opdCode() == null ? spec.bindNull("opd", String.class) : spec.bind("opd", event.opdCode());
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    /**
     * An append written into another module's statement (ADR 0040): {@code sql} is an
     * {@code INSERT … SELECT … WHERE condition RETURNING id} to use as a data-modifying CTE, {@code bindings} its values
     * (names start with {@code event_}). Like {@link #append}, its statement should be the transaction's last, or run
     * on its own (autocommit): the id's row lock is held until commit.
     */
    public record Appending(String sql, Map<String, Object> bindings) {
    }

    /** {@link #append} as a part of a statement, inserting only when {@code condition} (SQL) holds: see {@link Appending}. */
    public Appending appendingWhen(NewEvent event, String condition) {
        String sql = """
                INSERT INTO complaint_event (complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                                             opd_code, kecamatan_code, category_code, visible_to_resident, payload)
                SELECT :event_complaint, :event_type, :event_actorType, :event_actorId, :event_at, :event_status,
                       :event_resident, :event_opd, :event_kecamatan, :event_category, :event_visible, :event_payload
                WHERE\s""" + condition + "\nRETURNING id";
        Map<String, Object> values = new HashMap<>();
        values.put("event_complaint", event.complaintId());
        values.put("event_type", event.type().name());
        values.put("event_actorType", event.actorType().name());
        values.put("event_actorId", event.actorId() == null ? Parameters.in(UUID.class) : event.actorId());
        values.put("event_at", clock.instant());
        values.put("event_status", event.status());
        values.put("event_resident", event.residentId());
        values.put("event_opd", event.opdCode() == null ? Parameters.in(String.class) : event.opdCode());
        values.put("event_kecamatan", event.kecamatanCode());
        values.put("event_category", event.categoryCode());
        values.put("event_visible", event.visibleToResident());
        values.put("event_payload", Json.of(json.writeValueAsString(event.payload())));
        return new Appending(sql, values);
    }

    /** An event that happened at a given time, for {@link #appendAllAt}. */
    public record PastEvent(NewEvent event, Instant occurredAt) {
    }

    /**
     * Appends many events that happened at given times, a few hundred per statement: for importing history and
     * for demo data only. Ids follow the list's order, so list them oldest first.
     */
    public Mono<Void> appendAllAt(List<PastEvent> events) {
        return Flux.fromIterable(events)
                .buffer(APPEND_BATCH)
                .concatMap(this::appendBatch)
                .then();
    }

    /** One multi-row INSERT … VALUES: its rows are inserted, and numbered by the trigger, in the order listed. */
    private Mono<Void> appendBatch(List<PastEvent> batch) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO complaint_event (complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                                             opd_code, kecamatan_code, category_code, visible_to_resident, payload)
                VALUES\s""");
        // bound all at once: binding one by one copies the bindings each time
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            NewEvent event = batch.get(i).event();
            sql.append(i == 0 ? "" : ", ").append(("(:complaint#, :type#, :actorType#, :actorId#, :at#, :status#, :resident#, "
                    + ":opd#, :kecamatan#, :category#, :visible#, :payload#)").replace("#", "_" + i));
            values.put("complaint_" + i, event.complaintId());
            values.put("type_" + i, event.type().name());
            values.put("actorType_" + i, event.actorType().name());
            values.put("actorId_" + i, event.actorId() == null ? Parameters.in(UUID.class) : event.actorId());
            values.put("at_" + i, batch.get(i).occurredAt());
            values.put("status_" + i, event.status());
            values.put("resident_" + i, event.residentId());
            values.put("opd_" + i, event.opdCode() == null ? Parameters.in(String.class) : event.opdCode());
            values.put("kecamatan_" + i, event.kecamatanCode());
            values.put("category_" + i, event.categoryCode());
            values.put("visible_" + i, event.visibleToResident());
            values.put("payload_" + i, Json.of(json.writeValueAsString(event.payload())));
        }
        return db.sql(sql.toString())
                .bindValues(values)
                .then();
    }

    /** Events after an id, oldest first, at most {@code limit}. */
    public Flux<StoredEvent> after(long afterId, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint_event WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(this::toEvent)
                .all();
    }

    /** A resident's visible events after an id, oldest first. */
    public Flux<StoredEvent> residentEventsAfter(UUID residentId, long afterId) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint_event"
                        + " WHERE resident_id = :resident AND visible_to_resident AND id > :after ORDER BY id")
                .bind("resident", residentId)
                .bind("after", afterId)
                .map(this::toEvent)
                .all();
    }

    /** The events of several complaints, grouped by complaint, oldest first. */
    public Mono<Map<UUID, List<StoredEvent>>> ofComplaints(Collection<UUID> complaintIds, boolean residentView) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint_event WHERE complaint_id = ANY(:ids)"
                        + (residentView ? " AND visible_to_resident" : "") + " ORDER BY id")
                .bind("ids", complaintIds.toArray(UUID[]::new))
                .map(this::toEvent)
                .all()
                .collectMultimap(StoredEvent::complaintId, e -> e, LinkedHashMap::new)
                .map(EventLog::toLists);
    }

    /** The newest id; every event up to it is committed. */
    public Mono<Long> lastId() {
        return db.sql("SELECT coalesce(max(id), 0) AS id FROM complaint_event")
                .map(row -> row.get("id", Long.class))
                .one();
    }

    private static Map<UUID, List<StoredEvent>> toLists(Map<UUID, Collection<StoredEvent>> grouped) {
        Map<UUID, List<StoredEvent>> lists = new LinkedHashMap<>();
        grouped.forEach((id, events) -> lists.put(id, List.copyOf(events)));
        return lists;
    }

    private StoredEvent toEvent(Readable row) {
        return new StoredEvent(
                row.get("id", Long.class),
                row.get("complaint_id", UUID.class),
                EventType.valueOf(row.get("type", String.class)),
                ActorType.valueOf(row.get("actor_type", String.class)),
                row.get("actor_id", UUID.class),
                row.get("occurred_at", Instant.class),
                row.get("status", String.class),
                row.get("resident_id", UUID.class),
                row.get("opd_code", String.class),
                row.get("kecamatan_code", String.class),
                row.get("category_code", String.class),
                Boolean.TRUE.equals(row.get("visible_to_resident", Boolean.class)),
                json.readValue(row.get("payload", String.class), MAP));
    }
}
