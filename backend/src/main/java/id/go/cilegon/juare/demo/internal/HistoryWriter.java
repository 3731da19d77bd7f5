package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.resident.Nik;
import id.go.cilegon.juare.resident.PhoneNumber;
import io.r2dbc.spi.Parameters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes made-up history: residents as sign-in stores them, complaints in their final state, and their events through
 * the event log, in multi-row statements. Shared by the demo data and the simulator.
 */
final class HistoryWriter {

    /** Rows per multi-row INSERT: one round trip each, well under PostgreSQL's bind parameter limit. */
    private static final int ROWS_PER_INSERT = 100;

    private final DatabaseClient db;
    private final EventLog eventLog;
    private final PersonalDataCipher cipher;

    HistoryWriter(DatabaseClient db, EventLog eventLog, PersonalDataCipher cipher) {
        this.db = db;
        this.eventLog = eventLog;
        this.cipher = cipher;
    }

    /** As sign-in stores a resident (OtpService): ciphertext, keyed hashes "nik" and "phone", masked forms. */
    Mono<Void> insertResidents(List<DemoScenario.ResidentSpec> residents) {
        List<Column<DemoScenario.ResidentSpec>> columns = List.of(
                new Column<>("id", UUID.class, DemoScenario.ResidentSpec::id),
                new Column<>("nik_hash", byte[].class, r -> cipher.hash("nik", nik(r.nik()).digits())),
                new Column<>("nik_encrypted", byte[].class, r -> cipher.encrypt(nik(r.nik()).digits())),
                new Column<>("nik_masked", String.class, r -> nik(r.nik()).masked()),
                new Column<>("phone_hash", byte[].class, r -> cipher.hash("phone", phone(r.phone()).e164())),
                new Column<>("phone_encrypted", byte[].class, r -> cipher.encrypt(phone(r.phone()).e164())),
                new Column<>("phone_masked", String.class, r -> phone(r.phone()).masked()),
                new Column<>("name", String.class, DemoScenario.ResidentSpec::name),
                new Column<>("created_at", Instant.class, DemoScenario.ResidentSpec::createdAt),
                new Column<>("updated_at", Instant.class, DemoScenario.ResidentSpec::createdAt));
        return insertAll("resident", columns, residents);
    }

    /** Each complaint in its final state; ordered by creation, so an original comes before its duplicate. */
    Mono<Void> insertComplaints(List<DemoComplaint> complaints) {
        List<Column<DemoComplaint>> columns = List.of(
                new Column<>("id", UUID.class, c -> c.id),
                new Column<>("tracking_number", String.class, c -> c.trackingNumber),
                new Column<>("resident_id", UUID.class, c -> c.residentId),
                new Column<>("client_request_id", String.class, c -> c.clientRequestId),
                new Column<>("category_code", String.class, c -> c.categoryCode),
                new Column<>("title", String.class, c -> c.title),
                new Column<>("description", String.class, c -> c.description),
                new Column<>("lat", Double.class, c -> c.lat),
                new Column<>("lng", Double.class, c -> c.lng),
                new Column<>("kecamatan_code", String.class, c -> c.kecamatanCode),
                new Column<>("kelurahan_code", String.class, c -> c.kelurahanCode),
                new Column<>("address_text", String.class, c -> c.addressText),
                new Column<>("confidential", Boolean.class, c -> c.confidential),
                new Column<>("status", String.class, c -> c.status.name()),
                new Column<>("opd_code", String.class, c -> c.opdCode),
                new Column<>("version", Integer.class, c -> c.version),
                new Column<>("created_at", Instant.class, c -> c.createdAt),
                new Column<>("updated_at", Instant.class, c -> c.updatedAt),
                new Column<>("dispatched_at", Instant.class, c -> c.dispatchedAt),
                new Column<>("reply_due_at", Instant.class, c -> c.replyDueAt),
                new Column<>("fix_due_at", Instant.class, c -> c.fixDueAt),
                new Column<>("first_reply_at", Instant.class, c -> c.firstReplyAt),
                new Column<>("resolved_at", Instant.class, c -> c.resolvedAt),
                new Column<>("closed_at", Instant.class, c -> c.closedAt),
                new Column<>("reply_overdue_at", Instant.class, c -> c.replyOverdueAt),
                new Column<>("fix_overdue_at", Instant.class, c -> c.fixOverdueAt),
                new Column<>("transfer_requested_at", Instant.class, c -> c.transferRequestedAt),
                new Column<>("transfer_reason", String.class, c -> c.transferReason),
                new Column<>("reject_reason", String.class, c -> c.rejectReason),
                new Column<>("duplicate_of", UUID.class, c -> c.duplicateOf),
                new Column<>("rating", Short.class, c -> c.rating),
                new Column<>("resident_comment", String.class, c -> c.residentComment),
                new Column<>("reopen_count", Integer.class, c -> c.reopenCount),
                new Column<>("auto_closed", Boolean.class, c -> c.autoClosed),
                new Column<>("verification", String.class, c -> c.verification),
                new Column<>("verification_reason", String.class, c -> c.verificationReason));
        return insertAll("complaint", columns, complaints);
    }

    /** Through the event log, oldest first: the log's ids follow time. */
    Mono<Void> appendEvents(List<DemoComplaint.TimedEvent> events) {
        List<EventLog.PastEvent> past = events.stream()
                .map(timed -> new EventLog.PastEvent(timed.event(), timed.at()))
                .toList();
        return eventLog.appendAllAt(past);
    }

    record Column<R>(String name, Class<?> type, Function<R, Object> value) {
    }

    <R> Mono<Void> insertAll(String table, List<Column<R>> columns, List<R> rows) {
        return Flux.range(0, (rows.size() + ROWS_PER_INSERT - 1) / ROWS_PER_INSERT)
                .concatMap(chunk -> insertChunk(table, columns,
                        rows.subList(chunk * ROWS_PER_INSERT, Math.min(rows.size(), (chunk + 1) * ROWS_PER_INSERT))))
                .then();
    }

    /** One multi-row INSERT; column names come from code only. */
    private <R> Mono<Void> insertChunk(String table, List<Column<R>> columns, List<R> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns.stream().map(Column::name).toList()))
                .append(") VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            sql.append(i == 0 ? "(" : ", (")
                    .append(String.join(", ", columns.stream().map(c -> ":" + c.name() + "_" + row).toList()))
                    .append(")");
        }
        // bound all at once: binding one by one copies the bindings each time
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (Column<R> column : columns) {
                Object value = column.value().apply(rows.get(i));
                values.put(column.name() + "_" + i, value == null ? Parameters.in(column.type()) : value);
            }
        }
        return db.sql(sql.toString())
                .bindValues(values)
                .then();
    }

    static Nik nik(String digits) {
        return Nik.parse(digits).orElseThrow(() -> new IllegalStateException("demo NIK not valid"));
    }

    static PhoneNumber phone(String local) {
        return PhoneNumber.parse(local).orElseThrow(() -> new IllegalStateException("demo phone number not valid"));
    }

}
