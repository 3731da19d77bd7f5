package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class ComplaintRepository {

    static final String COLUMNS = """
            id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
            kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at""";

    private final DatabaseClient db;

    ComplaintRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts, or returns empty if this resident already used the client request id. */
    Mono<Complaint> insertUnlessRequested(Complaint c) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, title,
                                               description, lat, lng, kecamatan_code, kelurahan_code, address_text,
                                               confidential, status, version, created_at, updated_at)
                        VALUES (:id, :tracking, :resident, :request, :category, :title, :description, :lat, :lng,
                                :kecamatan, :kelurahan, :address, :confidential, :status, 0, :created, :created)
                        ON CONFLICT (resident_id, client_request_id) DO NOTHING
                        RETURNING """ + " " + COLUMNS)
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
        return spec.map(ComplaintRepository::toComplaint).one();
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

    /** A resident's complaints, newest first, after a keyset position (created_at, id), one more than asked. */
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
                row.get("updated_at", Instant.class));
    }
}
