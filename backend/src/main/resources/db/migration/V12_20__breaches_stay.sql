-- Breaches stay with who caused them (issue 12, ADR 0022 and docs/lifecycle.md).
--
-- 1. "Misrouted" excuses an OPD only when it handed the complaint back (its first transfer request, or the reroute
--    itself) before its reply deadline. The lifecycle decides this in Java when the operator reroutes and stores it on
--    the REROUTED event as payload "excused"; "misrouted" stays what the operator chose. Events written before carry
--    no "excused" key and keep the rule they were written under (the operator's choice excused), so no past figure
--    changes.
-- 2. A pending transfer request no longer hides a complaint from "overdue now" and the daily report's overdue list,
--    and a dispute no longer starts a new fix clock: the assignment keeps the deadlines it started with. For the daily
--    report as of a past cut-off, these rules apply from the instant recorded below (lifecycle_rules).
-- 3. Transfer requests and declines are counted on the scorecard: an OPD's requests in a period.

-- The one SQL definition of "this reroute excuses the OPD it took the complaint from". IMMUTABLE: inlined.
CREATE FUNCTION excused_away(p_payload jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
SELECT coalesce((p_payload ->> 'excused')::boolean, (p_payload ->> 'misrouted')::boolean, false)
$$;

-- Which lifecycle rules were in force from when (never updated: a change of rules is a new row, in a migration).
CREATE TABLE lifecycle_rules (
    version        integer PRIMARY KEY,
    effective_from timestamptz NOT NULL UNIQUE,
    description    text        NOT NULL
);
INSERT INTO lifecycle_rules (version, effective_from, description)
VALUES (1, '1900-01-01 00:00:00+00', 'A pending transfer request hides a complaint from overdue; a dispute starts a new fix clock'),
       (2, now(), 'Breaches stay with who caused them; one deadline per assignment (issue 12)');

-- 4. A template reply (ADR 0018) moves a complaint to IN_PROGRESS without a first reply: its reply clock still runs,
--    so the clock job and the counters look for breached reply clocks in every status at an OPD, as the ranking's
--    "overdue now" always did (before, an IN_PROGRESS complaint with only templates was never marked or counted).
DROP INDEX complaint_reply_clock;
CREATE INDEX complaint_reply_clock ON complaint (reply_due_at)
    WHERE first_reply_at IS NULL AND reply_overdue_at IS NULL AND status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');

-- The scorecard's transfer requests and declines: one OPD's in a period.
CREATE INDEX complaint_event_opd_transfers ON complaint_event (opd_code, occurred_at)
    WHERE type IN ('TRANSFER_REQUESTED', 'TRANSFER_DECLINED');

-- The summary's two definitions of an assignment read excused_away() from V12_21 on, which re-creates them once
-- for this change and the verified fixes together (one copy of their bodies instead of two in a row).
