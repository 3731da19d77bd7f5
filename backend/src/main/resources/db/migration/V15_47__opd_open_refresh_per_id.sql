-- opd_open_refresh without planning at every call (issue 15, the write path; ADR 0037 amendment).
--
-- Its two statements matched the complaint ids as an array parameter (= ANY (p_ids)). PostgreSQL's plan cache plans
-- such a statement afresh at every call ("custom plan") as long as the generic plan's estimate, made for an array of
-- ten, costs more than a custom plan for one: always, here. With twenty indexes on complaint, eleven of them partial,
-- that planning was ~1.9 ms of PostgreSQL's CPU of a 2.9 ms status update (100,000 complaints, pgbench, one client;
-- a dispatch paid it twice: the complaint's update, then its new assignment). Forcing the generic plan is no cure:
-- made without the ids, it may AND the primary key with complaint_opd_queue and read every complaint at an OPD.
--
-- So a change of a few complaints (every single-row change, the clock job's and a reroute's batches) refreshes them
-- one by one with statements on one id: a plan per session, found through the primary keys. A bulk change
-- (opd_assignment_fill rebuilds every assignment) keeps V15_2's set-based function, planned for its ids as before,
-- under the name opd_open_refresh_all.
ALTER FUNCTION opd_open_refresh(uuid[]) RENAME TO opd_open_refresh_all;

CREATE FUNCTION opd_open_refresh(p_ids uuid[]) RETURNS void AS $$
DECLARE
    one uuid;
BEGIN
    IF cardinality(p_ids) > 100 THEN
        PERFORM opd_open_refresh_all(p_ids);
        RETURN;
    END IF;
    FOREACH one IN ARRAY coalesce(p_ids, '{}') LOOP
        DELETE FROM opd_open_complaint o
        WHERE o.complaint_id = one
          AND NOT EXISTS (SELECT 1 FROM complaint c
                          WHERE c.id = one AND c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
                            AND c.opd_code IS NOT NULL
                            AND EXISTS (SELECT 1 FROM opd_assignment r WHERE r.complaint_id = one AND r.end_id IS NULL));
        INSERT INTO opd_open_complaint AS o (complaint_id, opd_code, overdue_at)
        SELECT c.id, c.opd_code, least(CASE WHEN c.first_reply_at IS NULL THEN c.reply_due_at END, c.fix_due_at)
        FROM complaint c
        WHERE c.id = one AND c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED') AND c.opd_code IS NOT NULL
          AND EXISTS (SELECT 1 FROM opd_assignment r WHERE r.complaint_id = one AND r.end_id IS NULL)
        ON CONFLICT (complaint_id) DO UPDATE SET opd_code = excluded.opd_code, overdue_at = excluded.overdue_at
            WHERE (o.opd_code, o.overdue_at) IS DISTINCT FROM (excluded.opd_code, excluded.overdue_at);
    END LOOP;
END;
$$ LANGUAGE plpgsql;
