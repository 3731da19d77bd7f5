package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily report's figures, from the event log alone and only from events that occurred before the cut-off, so that
 * later events (or later changes of a complaint row or a category's hours) never change a past day's report.
 * docs/report.md has every definition.
 */
@Repository
class ReportRepository {

    /**
     * Every complaint open with an OPD at the cut-off: its status is that of its last event before the cut-off; its
     * OPD, receipt and clocks those of its last dispatch or reroute (the clocks in that event's payload; a later
     * dispute restarts the fix clock); its first real reply one since that dispatch (as the ranking counts it); a
     * transfer request is pending when no decline, resolution or reroute followed it.
     */
    private static final String BACKLOG = """
            WITH last_event AS (
                SELECT DISTINCT ON (complaint_id) complaint_id, status
                FROM complaint_event
                WHERE occurred_at < :cutoff
                ORDER BY complaint_id, id DESC
            ),
            open_now AS (
                SELECT l.complaint_id, l.status
                FROM last_event l
                WHERE l.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
            )
            SELECT o.complaint_id, o.status, c.tracking_number, s.opd_code, s.category_code, s.kecamatan_code,
                   s.occurred_at AS received_at,
                   coalesce((s.payload ->> 'replyDueAt')::timestamptz, s.occurred_at + make_interval(hours => cat.reply_hours)) AS reply_due,
                   coalesce(d.fix_due, (s.payload ->> 'fixDueAt')::timestamptz, s.occurred_at + make_interval(hours => cat.fix_hours)) AS fix_due,
                   x.first_reply_at,
                   coalesce(x.last_transfer_request > coalesce(x.last_transfer_answer, 0), false) AS transfer_pending
            FROM open_now o
            JOIN complaint c ON c.id = o.complaint_id
            CROSS JOIN LATERAL (
                SELECT e.id, e.opd_code, e.category_code, e.kecamatan_code, e.occurred_at, e.payload
                FROM complaint_event e
                WHERE e.complaint_id = o.complaint_id AND e.type IN ('DISPATCHED', 'REROUTED') AND e.occurred_at < :cutoff
                ORDER BY e.id DESC
                LIMIT 1
            ) s
            JOIN category cat ON cat.code = s.category_code
            CROSS JOIN LATERAL (
                SELECT min(e.occurred_at) FILTER (WHERE e.type IN ('REPLIED', 'RESOLVED')
                           AND length(regexp_replace(coalesce(e.payload ->> 'message', ''), '[^[:alnum:]]', '', 'g')) >= :minReply)
                           AS first_reply_at,
                       max(e.id) FILTER (WHERE e.type = 'TRANSFER_REQUESTED') AS last_transfer_request,
                       max(e.id) FILTER (WHERE e.type IN ('TRANSFER_DECLINED', 'RESOLVED')) AS last_transfer_answer
                FROM complaint_event e
                WHERE e.complaint_id = o.complaint_id AND e.id > s.id AND e.occurred_at < :cutoff
            ) x
            LEFT JOIN LATERAL (
                SELECT coalesce((e.payload ->> 'fixDueAt')::timestamptz, e.occurred_at + make_interval(hours => cat.fix_hours)) AS fix_due
                FROM complaint_event e
                WHERE e.complaint_id = o.complaint_id AND e.id > s.id AND e.type = 'DISPUTED' AND e.occurred_at < :cutoff
                ORDER BY e.id DESC
                LIMIT 1
            ) d ON true
            """;

    /**
     * What happened during the day, per OPD (opd_code of the event) and for the city (opd_code NULL): received =
     * complaints dispatched or rerouted to the OPD, for the city complaints filed; handled = complaints resolved,
     * confirmed or auto-closed. Distinct complaints, so that a resolution confirmed the same day counts once.
     */
    private static final String DAY = """
            SELECT e.opd_code,
                   count(DISTINCT e.complaint_id) FILTER (WHERE e.type IN ('DISPATCHED', 'REROUTED')) AS received,
                   count(DISTINCT e.complaint_id) FILTER (WHERE e.type IN ('RESOLVED', 'CONFIRMED', 'AUTO_CLOSED')) AS handled
            FROM complaint_event e
            WHERE e.type IN ('DISPATCHED', 'REROUTED', 'RESOLVED', 'CONFIRMED', 'AUTO_CLOSED')
              AND e.occurred_at >= :from AND e.occurred_at < :cutoff AND e.opd_code IS NOT NULL
            GROUP BY e.opd_code
            UNION ALL
            SELECT NULL,
                   count(DISTINCT e.complaint_id) FILTER (WHERE e.type = 'SUBMITTED'),
                   count(DISTINCT e.complaint_id) FILTER (WHERE e.type IN ('RESOLVED', 'CONFIRMED', 'AUTO_CLOSED'))
            FROM complaint_event e
            WHERE e.type IN ('SUBMITTED', 'RESOLVED', 'CONFIRMED', 'AUTO_CLOSED')
              AND e.occurred_at >= :from AND e.occurred_at < :cutoff
            """;

    private static final String AWAITING_DISPATCH = """
            SELECT count(*) AS awaiting
            FROM (SELECT DISTINCT ON (complaint_id) status
                  FROM complaint_event
                  WHERE occurred_at < :cutoff
                  ORDER BY complaint_id, id DESC) l
            WHERE l.status = 'SUBMITTED'
            """;

    // the DISTINCT ON sorts every event before the cut-off; with the default 4 MB it spills to disk
    private static final String WORK_MEM = "SET LOCAL work_mem = '64MB'";

    private final DatabaseClient db;
    private final int minReply;

    ReportRepository(DatabaseClient db, @Value("${juare.lifecycle.min-reply-characters:15}") int minReply) {
        this.db = db;
        this.minReply = minReply;
    }

    /** A complaint open with an OPD at the cut-off. */
    record OpenComplaint(UUID complaintId, ComplaintStatus status, String trackingNumber, String opdCode, String categoryCode,
                         String kecamatanCode, Instant receivedAt, Instant replyDueAt, Instant fixDueAt, Instant firstReplyAt,
                         boolean transferPending) {
    }

    /** One OPD's (or, with a null code, the city's) received and handled during the day. */
    record DayCounts(String opdCode, int received, int handled) {
    }

    /** Raises work_mem for the caller's transaction; run first inside it. */
    Mono<Void> moreMemory() {
        return db.sql(WORK_MEM).then();
    }

    Flux<OpenComplaint> backlog(Instant cutoff) {
        return db.sql(BACKLOG)
                .bind("cutoff", cutoff)
                .bind("minReply", minReply)
                .map(ReportRepository::toOpen)
                .all();
    }

    Flux<DayCounts> dayCounts(Instant from, Instant cutoff) {
        return db.sql(DAY)
                .bind("from", from)
                .bind("cutoff", cutoff)
                .map(row -> new DayCounts(row.get("opd_code", String.class), toInt(row, "received"), toInt(row, "handled")))
                .all();
    }

    Mono<Integer> awaitingDispatch(Instant cutoff) {
        return db.sql(AWAITING_DISPATCH)
                .bind("cutoff", cutoff)
                .map(row -> toInt(row, "awaiting"))
                .one();
    }

    private static OpenComplaint toOpen(Readable row) {
        return new OpenComplaint(
                row.get("complaint_id", UUID.class),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("tracking_number", String.class),
                row.get("opd_code", String.class),
                row.get("category_code", String.class),
                row.get("kecamatan_code", String.class),
                row.get("received_at", Instant.class),
                row.get("reply_due", Instant.class),
                row.get("fix_due", Instant.class),
                row.get("first_reply_at", Instant.class),
                Boolean.TRUE.equals(row.get("transfer_pending", Boolean.class)));
    }

    // ---------- stored reports ----------

    /** A stored report without its files (their sizes only). */
    record Stored(UUID id, LocalDate day, Instant asOf, Instant generatedAt, String trigger, String generatedBy, String content,
                  String contentHash, int pdfBytes, int csvBytes) {
    }

    private static final String STORED_COLUMNS = "id, day, as_of, generated_at, trigger, generated_by, content::text AS content, "
            + "content_hash, octet_length(pdf) AS pdf_bytes, octet_length(csv) AS csv_bytes";

    /** Inserts the day's report unless there is one; true if this call stored it. */
    Mono<Boolean> insertIfAbsent(UUID id, LocalDate day, Instant asOf, Instant generatedAt, String trigger, String generatedBy,
                                 String content, String hash, byte[] pdf, byte[] csv) {
        return write("""
                INSERT INTO daily_report (id, day, as_of, generated_at, trigger, generated_by, content, content_hash, pdf, csv)
                VALUES (:id, :day, :asOf, :generatedAt, :trigger, :generatedBy, CAST(:content AS jsonb), :hash, :pdf, :csv)
                ON CONFLICT (day) DO NOTHING""", id, day, asOf, generatedAt, trigger, generatedBy, content, hash, pdf, csv)
                .map(rows -> rows > 0);
    }

    /** Stores the day's report in place of the one there was (keeping its id), or as the first. */
    Mono<Void> replace(UUID id, LocalDate day, Instant asOf, Instant generatedAt, String trigger, String generatedBy,
                       String content, String hash, byte[] pdf, byte[] csv) {
        return write("""
                INSERT INTO daily_report (id, day, as_of, generated_at, trigger, generated_by, content, content_hash, pdf, csv)
                VALUES (:id, :day, :asOf, :generatedAt, :trigger, :generatedBy, CAST(:content AS jsonb), :hash, :pdf, :csv)
                ON CONFLICT (day) DO UPDATE SET as_of = excluded.as_of, generated_at = excluded.generated_at,
                    trigger = excluded.trigger, generated_by = excluded.generated_by, content = excluded.content,
                    content_hash = excluded.content_hash, pdf = excluded.pdf, csv = excluded.csv""",
                id, day, asOf, generatedAt, trigger, generatedBy, content, hash, pdf, csv)
                .then();
    }

    private Mono<Long> write(String sql, UUID id, LocalDate day, Instant asOf, Instant generatedAt, String trigger,
                             String generatedBy, String content, String hash, byte[] pdf, byte[] csv) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("id", id)
                .bind("day", day)
                .bind("asOf", asOf)
                .bind("generatedAt", generatedAt)
                .bind("trigger", trigger)
                .bind("content", content)
                .bind("hash", hash)
                .bind("pdf", pdf)
                .bind("csv", csv);
        spec = generatedBy == null ? spec.bindNull("generatedBy", String.class) : spec.bind("generatedBy", generatedBy);
        return spec.fetch().rowsUpdated();
    }

    Mono<Boolean> exists(LocalDate day) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM daily_report WHERE day = :day) AS present")
                .bind("day", day)
                .map(row -> Boolean.TRUE.equals(row.get("present", Boolean.class)))
                .one();
    }

    Mono<Stored> find(LocalDate day) {
        return db.sql("SELECT " + STORED_COLUMNS + " FROM daily_report WHERE day = :day")
                .bind("day", day)
                .map(ReportRepository::toStored)
                .one();
    }

    /** Newest day first, days before {@code before} (null: from the newest). */
    Flux<Stored> page(LocalDate before, int limit) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + STORED_COLUMNS + " FROM daily_report"
                        + (before == null ? "" : " WHERE day < :before") + " ORDER BY day DESC LIMIT :limit")
                .bind("limit", limit);
        if (before != null) {
            spec = spec.bind("before", before);
        }
        return spec.map(ReportRepository::toStored).all();
    }

    /** The PDF or the CSV of a day's report. */
    Mono<byte[]> file(LocalDate day, ReportFile kind) {
        return db.sql("SELECT " + (kind == ReportFile.PDF ? "pdf" : "csv") + " AS file FROM daily_report WHERE day = :day")
                .bind("day", day)
                .map(row -> row.get("file", byte[].class))
                .one();
    }

    private static Stored toStored(Readable row) {
        return new Stored(
                row.get("id", UUID.class),
                row.get("day", LocalDate.class),
                row.get("as_of", Instant.class),
                row.get("generated_at", Instant.class),
                row.get("trigger", String.class),
                row.get("generated_by", String.class),
                row.get("content", String.class),
                row.get("content_hash", String.class),
                toInt(row, "pdf_bytes"),
                toInt(row, "csv_bytes"));
    }

    private static int toInt(Readable row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? 0 : n.intValue();
    }

    /** The two files of a report. */
    enum ReportFile {
        PDF("application/pdf", "pdf"),
        CSV("text/csv;charset=UTF-8", "csv");

        final String mediaType;
        final String extension;

        ReportFile(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

}
