-- opd_open_refresh with one plan per session (issue 15, the write path; ADR 0037 amendment).
--
-- Its two statements take the complaint ids as an array parameter. PostgreSQL's plan cache plans such a statement
-- afresh at every call ("custom plan") as long as the generic plan's estimate, which assumes ten elements, costs
-- more than a custom plan for one: always, here. So every status change of a complaint and every new or ended
-- assignment planned a DELETE with an anti-join and an INSERT … ON CONFLICT again: ~1.9 ms of PostgreSQL's CPU of a
-- 2.9 ms status update (100,000 complaints, pgbench, one client; 1.1 ms with one plan, 0.3 ms without the
-- summaries' triggers). The generic plan probes the primary keys per id, the plan a custom one picks for a few ids;
-- for the whole table (opd_assignment_fill, which refreshes every complaint) it was faster too (2.0 s against 2.5 s).
--
-- The setting is part of the function's definition: a later CREATE OR REPLACE without it would drop it
-- (OpdOpenRefreshPlanTest fails then).
CREATE OR REPLACE FUNCTION opd_open_refresh(p_ids uuid[]) RETURNS void
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF cardinality(p_ids) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM opd_open_complaint o
    WHERE o.complaint_id = ANY (p_ids)
      AND NOT EXISTS (SELECT 1 FROM complaint c
                      WHERE c.id = o.complaint_id AND c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')
                        AND c.opd_code IS NOT NULL
                        AND EXISTS (SELECT 1 FROM opd_assignment r WHERE r.complaint_id = c.id AND r.end_id IS NULL));
    INSERT INTO opd_open_complaint AS o (complaint_id, opd_code, overdue_at)
    SELECT c.id, c.opd_code, least(CASE WHEN c.first_reply_at IS NULL THEN c.reply_due_at END, c.fix_due_at)
    FROM complaint c
    WHERE c.id = ANY (p_ids) AND c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED') AND c.opd_code IS NOT NULL
      AND EXISTS (SELECT 1 FROM opd_assignment r WHERE r.complaint_id = c.id AND r.end_id IS NULL)
    ON CONFLICT (complaint_id) DO UPDATE SET opd_code = excluded.opd_code, overdue_at = excluded.overdue_at
        WHERE (o.opd_code, o.overdue_at) IS DISTINCT FROM (excluded.opd_code, excluded.overdue_at);
END;
$$ LANGUAGE plpgsql;
