package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoService;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class ComplaintRepository {

    static final String COLUMNS = """
            id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
            kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at,
            dispatched_at, reply_due_at, fix_due_at, first_reply_at, resolved_at, closed_at, reply_overdue_at,
            fix_overdue_at, transfer_requested_at, transfer_reason, reject_reason, duplicate_of, rating, resident_comment,
            reopen_count, auto_closed""";

    private final DatabaseClient db;

    ComplaintRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Whether the OPD sent a reply or resolution note with this fingerprint (ReplyRule) to another complaint since
     * {@code since}: boilerplate (ADR 0018). Served by complaint_event_reply_fingerprint.
     */
    Mono<Boolean> repliedElsewhere(String opdCode, UUID complaintId, String fingerprint, Instant since) {
        if (opdCode == null) {
            return Mono.just(false);
        }
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM complaint_event
                                       WHERE type IN ('REPLIED', 'RESOLVED') AND opd_code = :opd
                                         AND payload ->> 'fingerprint' = :fingerprint AND occurred_at >= :since
                                         AND complaint_id <> :complaint)""")
                .bind("opd", opdCode)
                .bind("fingerprint", fingerprint)
                .bind("since", since)
                .bind("complaint", complaintId)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

    /** One transfer request of an assignment: when, its reason, and whether an operator declined it. */
    record TransferRequest(Instant at, String reason, boolean declined) {
    }

    /**
     * The transfer requests the complaint's current assignment made (since {@code since}, its dispatch or reroute),
     * oldest first; a request is declined when a TRANSFER_DECLINED follows it before the next request (a resolution also
     * ends a pending request, without declining it). Served by complaint_event_complaint (complaint_id, id).
     */
    Flux<TransferRequest> transferRequests(UUID complaintId, Instant since) {
        return db.sql("""
                        SELECT occurred_at, payload ->> 'message' AS reason,
                               coalesce(lead(type) OVER (ORDER BY id) = 'TRANSFER_DECLINED', false) AS declined, type
                        FROM complaint_event
                        WHERE complaint_id = :complaint AND type IN ('TRANSFER_REQUESTED', 'TRANSFER_DECLINED', 'RESOLVED')
                          AND occurred_at >= :since
                        ORDER BY id""")
                .bind("complaint", complaintId)
                .bind("since", since)
                .map(row -> "TRANSFER_REQUESTED".equals(row.get("type", String.class))
                        ? new TransferRequest(row.get("occurred_at", Instant.class), row.get("reason", String.class),
                                Boolean.TRUE.equals(row.get("declined", Boolean.class)))
                        : new TransferRequest(null, null, false))
                .all()
                .filter(r -> r.at() != null);
    }

    /** A new complaint's row, unless this resident already used its client request id; binds: {@link #bindNew}. */
    private static final String INSERT_UNLESS_REQUESTED = """
            INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, title,
                                   description, lat, lng, kecamatan_code, kelurahan_code, address_text,
                                   confidential, status, version, created_at, updated_at)
            VALUES (:id, :tracking, :resident, :request, :category, :title, :description, :lat, :lng,
                    :kecamatan, :kelurahan, :address, :confidential, :status, 0, :created, :created)
            ON CONFLICT (resident_id, client_request_id) DO NOTHING
            RETURNING\s""" + COLUMNS;

    private static DatabaseClient.GenericExecuteSpec bindNew(DatabaseClient.GenericExecuteSpec spec, Complaint c) {
        spec = spec
                .bind("id", c.id())
                .bind("tracking", c.trackingNumber())
                .bind("resident", c.residentId())
                .bind("request", c.clientRequestId())
                .bind("category", c.categoryCode())
                .bind("description", c.description())
                .bind("lat", c.lat())
                .bind("lng", c.lng())
                .bind("kecamatan", c.kecamatanCode())
                .bind("kelurahan", c.kelurahanCode())
                .bind("confidential", c.confidential())
                .bind("status", c.status().name())
                .bind("created", c.createdAt());
        spec = c.title() == null ? spec.bindNull("title", String.class) : spec.bind("title", c.title());
        spec = c.addressText() == null ? spec.bindNull("address", String.class) : spec.bind("address", c.addressText());
        return spec;
    }

    /** Inserts, or returns empty if this resident already used the client request id. */
    Mono<Complaint> insertUnlessRequested(Complaint c) {
        return bindNew(db.sql(INSERT_UNLESS_REQUESTED), c).map(ComplaintRepository::toComplaint).one();
    }

    /**
     * A complaint filed with the id of the SUBMITTED event appended with it (null when the event's condition did not
     * hold: photos missing) and the photos attached to it.
     */
    record Filed(Complaint complaint, Long eventId, List<Photo> photos, long photosAttached) {
    }

    /**
     * {@link #insertUnlessRequested}, the photos' attachment (when {@code photos} is not null) and the event's append in
     * ONE statement (ADR 0040): the complaint, its photos and its event are stored together or not at all. Without
     * photos it runs on its own (autocommit), and the event log's counter lock is held only while it runs; with photos
     * the caller's transaction rolls back when fewer were attached. Empty, storing nothing, when this resident already
     * used the client request id.
     */
    Mono<Filed> insertWithEvent(Complaint c, EventLog.Appending event, PhotoService.Attaching photos) {
        String attached = photos == null ? "" : """
                attached AS (
                """ + photos.sql() + """
                ),
                """;
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        WITH created AS (
                        """ + INSERT_UNLESS_REQUESTED + """
                        ),
                        """ + attached + """
                        appended AS (
                        """ + event.sql() + """
                        )
                        SELECT created.*, (SELECT id FROM appended) AS event_id""" + (photos == null ? "" : ", " + PhotoService.ATTACHED_COLUMNS)
                        + " FROM created")
                .bindValues(event.bindings());
        if (photos != null) {
            spec = spec.bindValues(photos.bindings());
        }
        spec = bindNew(spec, c);
        return spec.map(row -> photos == null
                        ? new Filed(toComplaint(row), row.get("event_id", Long.class), List.of(), 0)
                        : new Filed(toComplaint(row), row.get("event_id", Long.class), PhotoService.photosIn(row),
                                row.get("photo_count", Long.class)))
                .one();
    }

    /** {@link #findByClientRequest} with the complaint's photos, in the same statement. */
    Mono<WithPhotos> findByClientRequestWithPhotos(UUID residentId, String clientRequestId) {
        return db.sql("SELECT " + COLUMNS + ", " + PhotoService.PHOTO_COLUMNS + " FROM complaint c " + PhotoService.PHOTOS_OF_C
                        + " WHERE c.resident_id = :resident AND c.client_request_id = :request")
                .bind("resident", residentId)
                .bind("request", clientRequestId)
                .map(row -> new WithPhotos(toComplaint(row), PhotoService.photosIn(row)))
                .one();
    }

    Mono<Complaint> findByClientRequest(UUID residentId, String clientRequestId) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE resident_id = :resident AND client_request_id = :request")
                .bind("resident", residentId)
                .bind("request", clientRequestId)
                .map(ComplaintRepository::toComplaint)
                .one();
    }

    Mono<Complaint> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id")
                .bind("id", id)
                .map(ComplaintRepository::toComplaint)
                .one();
    }

    Mono<Complaint> findByTrackingNumber(String trackingNumber) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE tracking_number = :tracking")
                .bind("tracking", trackingNumber)
                .map(ComplaintRepository::toComplaint)
                .one();
    }

    /** A resident's complaints, newest first, after a keyset position (created_at, id), one more than asked. */
    /** A complaint with its photos, read in one statement. */
    record WithPhotos(Complaint complaint, List<Photo> photos) {
    }

    /** residentPage with each complaint's photos, in the same statement (PhotoService.PHOTOS_OF_C). */
    Flux<WithPhotos> residentPageWithPhotos(UUID residentId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        String keyset = beforeCreatedAt == null ? "" : " AND (c.created_at, c.id) < (:at, :id)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + ", " + PhotoService.PHOTO_COLUMNS
                        + " FROM complaint c " + PhotoService.PHOTOS_OF_C + " WHERE c.resident_id = :resident"
                        + keyset + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .bind("resident", residentId)
                .bind("limit", limit);
        if (beforeCreatedAt != null) {
            spec = spec.bind("at", beforeCreatedAt).bind("id", beforeId);
        }
        return spec.map(row -> new WithPhotos(toComplaint(row), PhotoService.photosIn(row))).all();
    }

    /** findById with the complaint's photos, in the same statement. */
    Mono<WithPhotos> findByIdWithPhotos(UUID id) {
        return db.sql("SELECT " + COLUMNS + ", " + PhotoService.PHOTO_COLUMNS + " FROM complaint c " + PhotoService.PHOTOS_OF_C
                        + " WHERE c.id = :id")
                .bind("id", id)
                .map(row -> new WithPhotos(toComplaint(row), PhotoService.photosIn(row)))
                .one();
    }

    Flux<Complaint> residentPage(UUID residentId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        String keyset = beforeCreatedAt == null ? "" : " AND (created_at, id) < (:at, :id)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM complaint WHERE resident_id = :resident"
                        + keyset + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("resident", residentId)
                .bind("limit", limit);
        if (beforeCreatedAt != null) {
            spec = spec.bind("at", beforeCreatedAt).bind("id", beforeId);
        }
        return spec.map(ComplaintRepository::toComplaint).all();
    }

    /**
     * A list for {@code Complaints.visible}: a resident's own ({@code residentId}), one OPD's ({@code opdCode}) or every
     * complaint (both null), filtered, newest first, at most the query's limit. Served by complaint_resident_created,
     * complaint_opd_created or complaint_created.
     */
    Flux<Complaint> visiblePage(UUID residentId, String opdCode, id.go.cilegon.juare.complaint.Complaints.Query query) {
        List<String> where = new java.util.ArrayList<>();
        Map<String, Object> binds = new java.util.LinkedHashMap<>();
        if (residentId != null) {
            where.add("resident_id = :resident");
            binds.put("resident", residentId);
        } else {
            if (opdCode != null) {
                where.add("opd_code = :opd");
                binds.put("opd", opdCode);
            }
            if (query.confidentialOnlyToFiler()) {
                where.add("NOT confidential");
            }
        }
        if (query.ids() != null && !query.ids().isEmpty()) {
            where.add("id = ANY(:ids)");
            binds.put("ids", query.ids().toArray(UUID[]::new));
        }
        if (query.categoryCodes() != null && !query.categoryCodes().isEmpty()) {
            where.add("category_code = ANY(:categories)");
            binds.put("categories", query.categoryCodes().toArray(String[]::new));
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.add("status = ANY(:statuses)");
            binds.put("statuses", query.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (query.from() != null) {
            where.add("created_at >= :from");
            binds.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("created_at < :to");
            binds.put("to", query.to());
        }
        String condition = where.isEmpty() ? "TRUE" : String.join(" AND ", where);
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM complaint WHERE " + condition
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", Math.max(1, query.limit()));
        for (var entry : binds.entrySet()) {
            spec = spec.bind(entry.getKey(), entry.getValue());
        }
        return spec.map(ComplaintRepository::toComplaint).all();
    }

    /**
     * Applies a transition's changes if the complaint is still at the version the caller read (optimistic lock);
     * empty when someone else changed it first. {@code bumpVersion} is false for system marks (clock breaches)
     * that must not make a staff member's next action conflict.
     */
    Mono<Complaint> update(UUID id, int version, ComplaintUpdate update, Instant now, boolean bumpVersion) {
        return update(id, version, update, now, bumpVersion, null);
    }

    /** As above, with an extra condition that must still hold (e.g. "reply_overdue_at IS NULL"), checked under the row lock. */
    Mono<Complaint> update(UUID id, int version, ComplaintUpdate update, Instant now, boolean bumpVersion, String guard) {
        StringBuilder sql = new StringBuilder("UPDATE complaint SET updated_at = :now");
        if (bumpVersion) {
            sql.append(", version = version + 1");
        }
        update.values().keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        update.nulls().keySet().forEach(column -> sql.append(", ").append(column).append(" = NULL"));
        update.expressions().forEach((column, expression) -> sql.append(", ").append(column).append(" = ").append(expression));
        sql.append(" WHERE id = :id AND version = :version");
        if (guard != null) {
            sql.append(" AND ").append(guard);
        }
        sql.append(" RETURNING ").append(COLUMNS);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("now", now)
                .bind("id", id)
                .bind("version", version);
        for (var entry : update.values().entrySet()) {
            spec = spec.bind(entry.getKey(), entry.getValue());
        }
        return spec.map(ComplaintRepository::toComplaint).one();
    }

    /** Complaints matching a fixed condition (the clock job's), at most {@code limit}. */
    Flux<Complaint> findWhere(String where, Instant now, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE " + where + " LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map(ComplaintRepository::toComplaint)
                .all();
    }

    /** Complaints by id, in no particular order. */
    Flux<Complaint> findAll(java.util.Collection<UUID> ids) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(ComplaintRepository::toComplaint)
                .all();
    }

    /** The complaint's verification status (QUEUED, VERIFIED, REJECTED), empty when its closure was never queued. */
    Mono<String> verificationOf(UUID id) {
        return db.sql("SELECT verification FROM complaint WHERE id = :id AND verification IS NOT NULL")
                .bind("id", id)
                .map(row -> row.get("verification", String.class))
                .one();
    }

    /**
     * What the operator checking fixes needs beyond the complaint (ADR 0021): the verification, why it was queued, when
     * it closed, and the note of its latest resolution; one query for a page of complaints, only those ever queued.
     */
    Mono<Map<UUID, Verification>> verifications(java.util.Collection<UUID> ids) {
        return db.sql("""
                        SELECT c.id, c.verification, c.verification_reason, c.closed_at,
                               (SELECT e.payload ->> 'message' FROM complaint_event e
                                WHERE e.complaint_id = c.id AND e.type = 'RESOLVED' ORDER BY e.id DESC LIMIT 1) AS note
                        FROM complaint c
                        WHERE c.id = ANY(:ids) AND c.verification IS NOT NULL""")
                .bind("ids", ids.stream().distinct().toArray(UUID[]::new))
                .map(row -> new Verification(row.get("id", UUID.class),
                        FixVerification.Status.valueOf(row.get("verification", String.class)),
                        FixVerification.Reason.valueOf(row.get("verification_reason", String.class)),
                        row.get("closed_at", Instant.class), row.get("note", String.class)))
                .all()
                .collectMap(Verification::complaintId);
    }

    /** GraphQL FixVerification. */
    record Verification(UUID complaintId, FixVerification.Status status, FixVerification.Reason reason, Instant closedAt,
                        String resolutionNote) {
    }

    /** A queue page: the rows matching {@code where}, in {@code orderBy} order, after a keyset position. */
    Flux<Complaint> queuePage(String where, String sortKey, Instant afterKey, UUID afterId, int limit, Map<String, Object> binds) {
        String keyset = afterKey == null ? "" : " AND (" + sortKey + ", id) > (:afterKey, :afterId)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM complaint WHERE " + where + keyset
                        + " ORDER BY " + sortKey + ", id LIMIT :limit")
                .bind("limit", limit);
        if (afterKey != null) {
            spec = spec.bind("afterKey", afterKey).bind("afterId", afterId);
        }
        for (var entry : binds.entrySet()) {
            spec = spec.bind(entry.getKey(), entry.getValue());
        }
        return spec.map(ComplaintRepository::toComplaint).all();
    }

    /**
     * For each complaint, open complaints of its category within about 100 m (nearest first, at most 5).
     *
     * @param onlyOpd when not null, only complaints with this OPD now (what an OPD may see: ComplaintAccess.opdScope)
     */
    Mono<Map<UUID, List<Complaint>>> nearbyOpen(java.util.Collection<UUID> ids, String onlyOpd) {
        // 0.0009° is about 100 m here; the box uses the index, the distance orders within it
        String nearby = "SELECT " + COLUMNS + " FROM complaint n"
                + " WHERE n.category_code = c.category_code AND n.id <> c.id AND n.status NOT IN (" + Lifecycle.sqlList(Lifecycle.FINISHED) + ")"
                + (onlyOpd == null ? "" : " AND n.opd_code = :opd")
                + " AND n.lat BETWEEN c.lat - 0.0009 AND c.lat + 0.0009 AND n.lng BETWEEN c.lng - 0.0009 AND c.lng + 0.0009"
                + " ORDER BY (n.lat - c.lat) ^ 2 + (n.lng - c.lng) ^ 2 LIMIT 5";
        var spec = db.sql("SELECT c.id AS for_id, d.* FROM complaint c CROSS JOIN LATERAL (" + nearby + ") d WHERE c.id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new));
        return (onlyOpd == null ? spec : spec.bind("opd", onlyOpd))
                .map(row -> Map.entry(row.get("for_id", UUID.class), toComplaint(row)))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(grouped -> {
                    Map<UUID, List<Complaint>> lists = new java.util.HashMap<>();
                    grouped.forEach((id, found) -> lists.put(id, List.copyOf(found)));
                    return lists;
                });
    }

    static Complaint toComplaint(Readable row) {
        return new Complaint(
                row.get("id", UUID.class),
                row.get("tracking_number", String.class),
                row.get("resident_id", UUID.class),
                row.get("client_request_id", String.class),
                row.get("category_code", String.class),
                row.get("title", String.class),
                row.get("description", String.class),
                row.get("lat", Double.class),
                row.get("lng", Double.class),
                row.get("kecamatan_code", String.class),
                row.get("kelurahan_code", String.class),
                row.get("address_text", String.class),
                Boolean.TRUE.equals(row.get("confidential", Boolean.class)),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("opd_code", String.class),
                row.get("version", Integer.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("dispatched_at", Instant.class),
                row.get("reply_due_at", Instant.class),
                row.get("fix_due_at", Instant.class),
                row.get("first_reply_at", Instant.class),
                row.get("resolved_at", Instant.class),
                row.get("closed_at", Instant.class),
                row.get("reply_overdue_at", Instant.class),
                row.get("fix_overdue_at", Instant.class),
                row.get("transfer_requested_at", Instant.class),
                row.get("transfer_reason", String.class),
                row.get("reject_reason", String.class),
                row.get("duplicate_of", UUID.class),
                row.get("rating", Integer.class),
                row.get("resident_comment", String.class),
                row.get("reopen_count", Integer.class),
                Boolean.TRUE.equals(row.get("auto_closed", Boolean.class)));
    }
}
