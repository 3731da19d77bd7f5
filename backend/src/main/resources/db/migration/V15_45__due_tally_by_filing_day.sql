-- complaint_due_tally by WIB day of filing too (issue 15, ADR 0037 amendment): "overdue now" within a filing period,
-- and the counts with an overdue filter, read from the summary instead of every overdue complaint's row.
--
-- As complaint_tally: each change writes a delta row for its filing day and one for created_day NULL (all days, what
-- a query without a period reads, so its rows do not multiply with the days of the backlog).

ALTER TABLE complaint_due_tally ADD COLUMN created_day date;
DROP INDEX complaint_due_tally_key;
CREATE UNIQUE INDEX complaint_due_tally_key ON complaint_due_tally
    (created_day, status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day)
    NULLS NOT DISTINCT WHERE compacted;

CREATE OR REPLACE FUNCTION complaint_tally_apply() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, d.day, count(*)
        FROM new_rows CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day,
                                         created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code,
               CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), d.day, count(*)
        FROM new_rows CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
        WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, d.day, -count(*)
        FROM old_rows CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day,
                                         created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code,
               CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), d.day, -count(*)
        FROM old_rows CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
        WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ELSE
        INSERT INTO complaint_tally (status, opd_code, kecamatan_code, category_code, created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, d.day, sum(x.delta)
        FROM (SELECT -1 AS delta, status, opd_code, kecamatan_code, category_code, created_at FROM old_rows
              UNION ALL
              SELECT 1, status, opd_code, kecamatan_code, category_code, created_at FROM new_rows) x
        CROSS JOIN LATERAL (VALUES (wib_day(x.created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(x.delta) <> 0;
        INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day,
                                         created_day, n)
        SELECT status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, d.day, sum(delta)
        FROM (SELECT -1 AS delta, status, opd_code, kecamatan_code, category_code,
                     CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END AS reply_due_day,
                     utc_day(fix_due_at) AS fix_due_day, created_at
              FROM old_rows WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
              UNION ALL
              SELECT 1, status, opd_code, kecamatan_code, category_code,
                     CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), created_at
              FROM new_rows WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')) x
        CROSS JOIN LATERAL (VALUES (wib_day(x.created_at)), (NULL::date)) d(day)
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING sum(delta) <> 0;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION complaint_tally_compact(p_fold_before date) RETURNS integer AS $$
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
                  CASE WHEN fix_due_day < p_fold_before THEN '-infinity'::date ELSE fix_due_day END AS fix_due_day,
                  created_day, n
    ), summed AS (
        SELECT status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, created_day, sum(n) AS n,
               count(*) AS deltas
        FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7
    ), merged AS (
        INSERT INTO complaint_due_tally AS t (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day,
                                              created_day, n, compacted)
        SELECT status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day, created_day, n, true
        FROM summed
        ON CONFLICT (created_day, status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day)
            WHERE compacted
            DO UPDATE SET n = t.n + excluded.n
    )
    SELECT coalesce(sum(deltas), 0) INTO due_folded FROM summed;
    DELETE FROM complaint_due_tally WHERE compacted AND n = 0;
    RETURN folded + due_folded;
END;
$$ LANGUAGE plpgsql;

-- the summary again, from the complaints as they are (the all-days rows and the filing days' rows)
DELETE FROM complaint_due_tally;
INSERT INTO complaint_due_tally (status, opd_code, kecamatan_code, category_code, reply_due_day, fix_due_day,
                                 created_day, n, compacted)
SELECT status, opd_code, kecamatan_code, category_code,
       CASE WHEN first_reply_at IS NULL THEN utc_day(reply_due_at) END, utc_day(fix_due_at), d.day, count(*), true
FROM complaint CROSS JOIN LATERAL (VALUES (wib_day(created_at)), (NULL::date)) d(day)
WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
GROUP BY 1, 2, 3, 4, 5, 6, 7;
