package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.graphql.Lifecycle;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily report's figures, from the event log alone and only from events that occurred before the cut-off, so that
 * later events (or later changes of a complaint row or a category's hours) never change a past day's report. (The
 * complaint rows' status only narrows down which complaints to look at; see {@link Strategy#CANDIDATES}.)
 * docs/report.md has every definition.
 */
@Repository
class ReportRepository {

    /** Every event type, for an index range scan on complaint_event_type_time by time alone. */
    private static final String EVERY_TYPE = Arrays.stream(EventType.values())
            .map(type -> "'" + type.name() + "'")
            .collect(Collectors.joining(", "));

    /** The statuses that matter at the cut-off: awaiting dispatch, and open with an OPD. */
    private static final String COUNTED = Lifecycle.sqlList(Lifecycle.WITH_CITY);

    /**
     * The candidates are used while the events at or after the cut-off are at most this share of the event log (the
     * planner's estimate of its size); for an older day they are most of the complaints, and one sorted pass over the
     * whole log is cheaper than a look-up per candidate (docs/report.md, "Measured").
     */
    static final double CANDIDATE_SHARE = 0.1;

    /** Whether the events at or after the cut-off are few; counts at most one more than the share allows. */
    private static final String FEW_SINCE = """
            WITH log AS (SELECT (greatest(c.reltuples, 0) * %s)::bigint AS allowed FROM pg_class c WHERE c.oid = 'complaint_event'::regclass)
            SELECT count(*) <= (SELECT allowed FROM log) AS few
            FROM (SELECT 1
                  FROM complaint_event e
                  WHERE e.type IN (%s) AND e.occurred_at >= :cutoff
                  LIMIT (SELECT allowed + 1 FROM log)) s
            """.formatted(Double.toString(CANDIDATE_SHARE), EVERY_TYPE);

    /** How {@link #AT_CUTOFF} finds each complaint's status at the cut-off (the CTE {@code state}); both are exact. */
    enum Strategy {
        /**
         * A complaint's status at the cut-off is that of its last event before the cut-off. Only two kinds of complaints
         * can be open or awaiting dispatch then: those open or awaiting dispatch now (the complaint row's status, which
         * the lifecycle writes with every event; by the status indexes) and those with any event at or after the cut-off
         * (by complaint_event_type_time): a complaint with no event at or after the cut-off has its last event before
         * it, so its status then is its status now. For each candidate the last event before the cut-off comes from
         * complaint_event_complaint backwards; one with none (filed later, or a row written without events) drops out.
         */
        CANDIDATES("""
                candidate AS (
                    SELECT c.id AS complaint_id
                    FROM complaint c
                    WHERE c.status IN (%1$s)
                    UNION
                    SELECT e.complaint_id
                    FROM complaint_event e
                    WHERE e.type IN (%2$s) AND e.occurred_at >= :cutoff
                ),
                state AS MATERIALIZED (
                    SELECT k.complaint_id, l.status
                    FROM candidate k
                    CROSS JOIN LATERAL (
                        SELECT e.status
                        FROM complaint_event e
                        WHERE e.complaint_id = k.complaint_id AND e.occurred_at < :cutoff
                        ORDER BY e.id DESC
                        LIMIT 1
                    ) l
                    WHERE l.status IN (%1$s)
                )""".formatted(COUNTED, EVERY_TYPE)),
        /** The last event before the cut-off of every complaint, by one sort of every event before the cut-off. */
        WHOLE_LOG("""
                state AS MATERIALIZED (
                    SELECT l.complaint_id, l.status
                    FROM (SELECT DISTINCT ON (complaint_id) complaint_id, status
                          FROM complaint_event
                          WHERE occurred_at < :cutoff
                          ORDER BY complaint_id, id DESC) l
                    WHERE l.status IN (%s)
                )""".formatted(COUNTED));

        final String state;

        Strategy(String state) {
            this.state = state;
        }
    }

    /**
     * The state at the cut-off in one pass: every complaint open with an OPD at the cut-off (one row each) and the
     * number awaiting dispatch (on every row; with no open complaint, one row of nulls that carries it). {@code state}
     * (by a {@link Strategy}) holds the complaints awaiting dispatch or open at the cut-off, with that status.
     * <p>
     * For an open one: its OPD, receipt and clocks are those of its last dispatch or reroute (the clocks in that event's
     * payload); its first real reply one since that dispatch (as the ranking counts it). Under the lifecycle rules in
     * force at the cut-off (table lifecycle_rules): from version 2 (ADR 0022) that is all; under version 1, as reports
     * were made then, a later dispute restarted the fix clock and a pending transfer request (no decline, resolution or
     * reroute after it) hid the complaint from the overdue list.
     */
    private static final String AT_CUTOFF = """
            WITH %s,
            open_now AS (
                SELECT o.complaint_id, o.status, c.tracking_number, s.opd_code, s.category_code, s.kecamatan_code,
                       s.occurred_at AS received_at,
                       coalesce((s.payload ->> 'replyDueAt')::timestamptz, s.occurred_at + make_interval(hours => cat.reply_hours)) AS reply_due,
                       coalesce(d.fix_due, (s.payload ->> 'fixDueAt')::timestamptz, s.occurred_at + make_interval(hours => cat.fix_hours)) AS fix_due,
                       x.first_reply_at,
                       coalesce(x.last_transfer_request > coalesce(x.last_transfer_answer, 0), false) AND r.version = 1 AS transfer_pending
                FROM state o
                CROSS JOIN (SELECT max(version) AS version FROM lifecycle_rules WHERE effective_from <= :cutoff) r
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
                               AND real_reply(e.payload, :minReply))
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
                      AND r.version = 1
                    ORDER BY e.id DESC
                    LIMIT 1
                ) d ON true
                WHERE o.status IN (:AT_OPD)
            )
            SELECT a.awaiting, b.*
            FROM (SELECT count(*) FILTER (WHERE status IN (:WAITING_FOR_OPERATOR)) AS awaiting FROM state) a
            LEFT JOIN open_now b ON true
            """.replace(":AT_OPD", Lifecycle.sqlList(Lifecycle.AT_OPD))
            .replace(":WAITING_FOR_OPERATOR", Lifecycle.sqlList(Lifecycle.WAITING_FOR_OPERATOR));

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

    /** The state at the cut-off: the open complaints with an OPD and the number awaiting dispatch. */
    record AtCutoff(List<OpenComplaint> backlog, int awaitingDispatch) {
    }

    /** A row of AT_CUTOFF: the awaiting count, and an open complaint unless there is none. */
    private record Row(int awaiting, OpenComplaint open) {
    }

    /** By the candidates when the events since the cut-off are few (yesterday's report), else by the whole log. */
    Mono<AtCutoff> atCutoff(Instant cutoff) {
        return db.sql(FEW_SINCE)
                .bind("cutoff", cutoff)
                .map(row -> Boolean.TRUE.equals(row.get("few", Boolean.class)))
                .one()
                .flatMap(few -> atCutoff(cutoff, few ? Strategy.CANDIDATES : Strategy.WHOLE_LOG));
    }

    Mono<AtCutoff> atCutoff(Instant cutoff, Strategy strategy) {
        return db.sql(AT_CUTOFF.formatted(strategy.state))
                .bind("cutoff", cutoff)
                .bind("minReply", minReply)
                .map(row -> new Row(toInt(row, "awaiting"), row.get("complaint_id", UUID.class) == null ? null : toOpen(row)))
                .all()
                .collectList()
                .map(rows -> new AtCutoff(rows.stream()
                        .map(Row::open)
                        .filter(Objects::nonNull)
                        .toList(),
                        rows.isEmpty() ? 0 : rows.getFirst().awaiting()));
    }

    Flux<DayCounts> dayCounts(Instant from, Instant cutoff) {
        return db.sql(DAY)
                .bind("from", from)
                .bind("cutoff", cutoff)
                .map(row -> new DayCounts(row.get("opd_code", String.class), toInt(row, "received"), toInt(row, "handled")))
                .all();
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
