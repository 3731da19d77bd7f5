-- An OPD's queue is ordered by what falls due first: the reply clock while unanswered, then the fix clock.
DROP INDEX complaint_opd_queue;
CREATE INDEX complaint_opd_queue ON complaint (opd_code,
    (COALESCE(LEAST(CASE WHEN first_reply_at IS NULL THEN reply_due_at END, fix_due_at), TIMESTAMPTZ '9999-12-31 00:00:00+00')), id)
    WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');
