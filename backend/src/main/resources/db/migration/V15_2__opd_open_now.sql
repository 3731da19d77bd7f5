-- The ranking's "open now" (ADR 0037): the complaints an OPD holds now, kept with every change instead of checked
-- row by row on every ranking query (0.5-1.2 s at a million complaints, docs/benchmarks/ranking.md). A complaint is
-- here exactly when the ranking's former per-query condition holds: at an OPD (status), with an OPD, and with a
-- running assignment in the summary (opd_assignment without an end). overdue_at is when it becomes overdue: its
-- reply deadline while it has no real reply, else its fix deadline (the earlier of the two); overdue now is
-- overdue_at < now, the ranking's ((first_reply_at IS NULL AND reply_due_at < now) OR fix_due_at < now).
-- Statement-level triggers on both tables it depends on recompute the complaints a statement touched.

CREATE TABLE opd_open_complaint (
    complaint_id uuid PRIMARY KEY,
    opd_code     text NOT NULL,
    overdue_at   timestamptz
);
CREATE INDEX opd_open_complaint_opd ON opd_open_complaint (opd_code, overdue_at);

-- PL/pgSQL, not SQL: its statements' plans are kept for the session (a SQL function is planned again at every call).
CREATE FUNCTION opd_open_refresh(p_ids uuid[]) RETURNS void AS $$
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

-- complaints: only rows whose status, OPD or clocks changed
CREATE FUNCTION opd_open_on_complaint() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM opd_open_refresh(ARRAY(SELECT id FROM new_rows WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED')));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM opd_open_complaint WHERE complaint_id IN (SELECT id FROM old_rows);
    ELSE
        PERFORM opd_open_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.status, n.opd_code, n.first_reply_at, n.reply_due_at, n.fix_due_at)
                      IS DISTINCT FROM (o.status, o.opd_code, o.first_reply_at, o.reply_due_at, o.fix_due_at)));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER opd_open_insert AFTER INSERT ON complaint
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_open_on_complaint();
CREATE TRIGGER opd_open_update AFTER UPDATE ON complaint
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_open_on_complaint();
CREATE TRIGGER opd_open_delete AFTER DELETE ON complaint
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_open_on_complaint();

-- assignments: a new one, one ended (REROUTED), or the summary rebuilt (opd_assignment_fill deletes and refills)
CREATE FUNCTION opd_open_on_assignment() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM opd_open_refresh(ARRAY(SELECT DISTINCT complaint_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM opd_open_refresh(ARRAY(SELECT DISTINCT complaint_id FROM old_rows));
    ELSE
        PERFORM opd_open_refresh(ARRAY(
            SELECT DISTINCT n.complaint_id FROM new_rows n JOIN old_rows o ON o.start_id = n.start_id
            WHERE n.end_id IS DISTINCT FROM o.end_id OR n.complaint_id <> o.complaint_id));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER opd_open_assignment_insert AFTER INSERT ON opd_assignment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_open_on_assignment();
CREATE TRIGGER opd_open_assignment_update AFTER UPDATE ON opd_assignment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_open_on_assignment();
CREATE TRIGGER opd_open_assignment_delete AFTER DELETE ON opd_assignment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_open_on_assignment();

-- the complaints open now
INSERT INTO opd_open_complaint (complaint_id, opd_code, overdue_at)
SELECT c.id, c.opd_code, least(CASE WHEN c.first_reply_at IS NULL THEN c.reply_due_at END, c.fix_due_at)
FROM complaint c
WHERE c.status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED') AND c.opd_code IS NOT NULL
  AND EXISTS (SELECT 1 FROM opd_assignment r WHERE r.complaint_id = c.id AND r.end_id IS NULL);
