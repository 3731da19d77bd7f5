-- One lifecycle definition (docs/lifecycle.md, ADR 0020). The reply clock runs while a complaint is at an OPD
-- (DISPATCHED, IN_PROGRESS, REOPENED) with no real first reply: a template reply moves it to IN_PROGRESS without
-- stopping the clock (ADR 0018), so the clock job's index must cover IN_PROGRESS too. Before template replies an
-- IN_PROGRESS complaint always had a first reply, so nothing else changes.
DROP INDEX complaint_reply_clock;
CREATE INDEX complaint_reply_clock ON complaint (reply_due_at)
    WHERE first_reply_at IS NULL AND reply_overdue_at IS NULL AND status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');
