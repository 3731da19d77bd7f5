-- complaintCounts from summaries kept in the transaction of every change (ADR 0037), instead of counting the whole
-- complaint table on every query.
--
-- complaint_tally: complaints per (status, OPD, kecamatan, category) and WIB day of filing; created_day NULL is the
-- same over all days (what a query without a period reads, so its cost does not grow with the years).
-- complaint_due_tally: the complaints at an OPD per (status, OPD, kecamatan, category) and UTC day of their reply
-- deadline (NULL once really replied) and fix deadline; "overdue now" is the rows of days before today plus the few
-- complaints whose deadline passed today, counted from the complaint rows. Compaction folds days older than two days
-- into '-infinity': for "before today" any past day is the same.
--
-- Writers only INSERT signed deltas (+1 new, -1 old, aggregated per statement), never update a shared row, so two
-- transactions never wait for each other here and a rolled-back change leaves nothing. Readers add the rows up; the
-- application's compaction (complaint_tally_compact, every few seconds, one instance at a time) folds the deltas
-- into one row per key.

CREATE TABLE complaint_tally (
    status         text    NOT NULL,
    opd_code       text,
    kecamatan_code text    NOT NULL,
    category_code  text    NOT NULL,
    created_day    date,
    n              integer NOT NULL,
    compacted      boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX complaint_tally_key ON complaint_tally (created_day, status, opd_code, kecamatan_code, category_code)
    NULLS NOT DISTINCT WHERE compacted;
CREATE INDEX complaint_tally_deltas ON complaint_tally (created_day) WHERE NOT compacted;
CREATE INDEX complaint_tally_empty ON complaint_tally (created_day) WHERE compacted AND n = 0;

CREATE TABLE complaint_due_tally (
    status         text    NOT NULL,
    opd_code       text,
    kecamatan_code text    NOT NULL,
    category_code  text    NOT NULL,
    reply_due_day  date,
    fix_due_day    date,
    n              integer NOT NULL,
    compacted      boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX complaint_due_tally_key ON complaint_due_tally
    (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day) NULLS NOT DISTINCT WHERE compacted;
CREATE INDEX complaint_due_tally_deltas ON complaint_due_tally (status) WHERE NOT compacted;

-- "overdue now" for the deadlines that passed today: a range on these partial indexes
CREATE INDEX complaint_at_opd_reply_due ON complaint (reply_due_at)
    WHERE first_reply_at IS NULL AND status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');
CREATE INDEX complaint_at_opd_fix_due ON complaint (fix_due_at)
    WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');

CREATE FUNCTION wib_day(p_at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (p_at AT TIME ZONE 'Asia/Jakarta')::date $$;
CREATE FUNCTION utc_day(p_at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (p_at AT TIME ZONE 'UTC')::date $$;

-- The deltas of one statement: its old rows count -1, its new rows +1; unchanged keys cancel out.
CREATE FUNCTION complaint_tally_apply() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, d.day, count(*)
        FROM new_rows CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, n)
        SELECT status, opd_code, kecamatan_code, category_code,
               CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), count(*)
        FROM new_rows
        WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, d.day, -count(*)
        FROM old_rows CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, n)
        SELECT status, opd_code, kecamatan_code, category_code,
               CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), -count(*)
        FROM old_rows
        WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSE
        INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, d.day, sum(x.delta)
        FROM (SELECT -1 AS delta, status, opd_code, kecamatan_code, category_code, created_at FROM old_rows
              UNION ALL
              SELECT 1, status, opd_code, kecamatan_code, category_code, created_at FROM new_rows) x
        CROSS JOIN LATERAL (VALUES (wib_day(x.created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(x.delta) <> 0;
        INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, sum(delta)
        FROM (SELECT -1 AS delta, status, opd_code, kecamatan_code, category_code,
                     CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END AS reply_due_day,
                     utc_day(fix_due_at) AS fix_due_day
              FROM old_rows WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
              UNION ALL
              SELECT 1, status, opd_code, kecamatan_code, category_code,
                     CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at)
              FROM new_rows WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')) x
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(delta) <> 0;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER complaint_tally_insert AFTER INSERT ON complaint
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally_apply();
CREATE TRIGGER complaint_tally_update AFTER UPDATE ON complaint
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally_apply();
CREATE TRIGGER complaint_tally_delete AFTER DELETE ON complaint
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally_apply();

-- Folds the deltas into one row per key (and due days before p_fold_before into '-infinity'); one caller at a time
-- (the others return -1 at once). Returns the number of delta rows folded. The data-modifying CTEs run once each,
-- whether or not the last SELECT reads them; all of it in one snapshot, so a reader sees the deltas or their sum.
CREATE FUNCTION complaint_tally_compact(p_fold_before date) RETURNS integer AS $$
DECLARE
    folded integer;
    due_folded integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('complaint_tally_compact')) THEN
        RETURN -1;
    END IF;
    WITH gone AS (
        DELETE FROM complaint_tally WHERE NOT compacted
        RETURNING status, opd_code, kecamatan_code, category_code, created_day, n
    ), summed AS (
        SELECT status, opd_code, kecamatan_code, category_code, created_day, sum(n) AS n, count(*) AS deltas
        FROM gone GROUP BY 1, 2, 3, 4, 5
    ), merged AS (
        INSERT INTO complaint_tally AS t (status, opd_code, kecamatan_code, category_code, created_day, n, compacted)
        SELECT status, opd_code, kecamatan_code, category_code, created_day, n, true FROM summed
        ON CONFLICT (created_day, status, opd_code, kecamatan_code, category_code) WHERE compacted
            DO UPDATE SET n = t.n + excluded.n
    )
    SELECT coalesce(sum(deltas), 0) INTO folded FROM summed;
    DELETE FROM complaint_tally WHERE compacted AND n = 0;

    WITH gone AS (
        DELETE FROM complaint_due_tally
        WHERE NOT compacted
           OR reply_due_day < p_fold_before AND reply_due_day <> '-infinity'
           OR fix_due_day < p_fold_before AND fix_due_day <> '-infinity'
        RETURNING status, opd_code, kecamatan_code, category_code,
                  CASE WHEN reply_due_day < p_fold_before THEN '-infinity'::date ELSE reply_due_day END AS reply_due_day,
                  CASE WHEN fix_due_day < p_fold_before THEN '-infinity'::date ELSE fix_due_day END AS fix_due_day, n
    ), summed AS (
        SELECT status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, sum(n) AS n, count(*) AS deltas
        FROM gone GROUP BY 1, 2, 3, 4, 5, 6
    ), merged AS (
        INSERT INTO complaint_due_tally AS t (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day,
                                              n, compacted)
        SELECT status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, n, true FROM summed
        ON CONFLICT (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day) WHERE compacted
            DO UPDATE SET n = t.n + excluded.n
    )
    SELECT coalesce(sum(deltas), 0) INTO due_folded FROM summed;
    DELETE FROM complaint_due_tally WHERE compacted AND n = 0;
    RETURN folded + due_folded;
END;
$$ LANGUAGE plpgsql;

-- the existing complaints
INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n, compacted)
SELECT status, opd_code, kecamatan_code, category_code, d.day, count(*), true
FROM complaint CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, n, compacted)
SELECT status, opd_code, kecamatan_code, category_code,
       CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), count(*), true
FROM complaint
WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
GROUP BY 1, 2, 3, 4, 5, 6;
