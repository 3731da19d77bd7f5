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

-- V12_18's two definitions of an assignment, unchanged but for who is excused by a reroute.
CREATE OR REPLACE FUNCTION opd_assignment_from_log(p_as_of timestamptz, p_min_reply integer)
    RETURNS TABLE (start_id bigint, complaint_id uuid, opd_code text, received_at timestamptz, reply_due timestamptz,
                   fix_due timestamptz, end_id bigint, ended_at timestamptz, misrouted_away boolean,
                   first_reply_at timestamptz, resolutions integer, disputes integer, last_resolved_id bigint,
                   last_disputed_id bigint, last_resolved_at timestamptz, resolved_at timestamptz, rating integer,
                   closed boolean, auto_closed boolean)
    LANGUAGE sql STABLE AS $$
SELECT s.id, s.complaint_id, s.opd_code, s.occurred_at,
       coalesce((s.payload ->> 'replyDueAt')::timestamptz, s.occurred_at + make_interval(hours => cat.reply_hours)),
       coalesce((s.payload ->> 'fixDueAt')::timestamptz, s.occurred_at + make_interval(hours => cat.fix_hours)),
       nxt.end_id,
       nxt.ended_at,
       coalesce(nxt.misrouted, false),
       x.first_reply_at,
       x.resolutions::integer,
       x.disputes::integer,
       x.last_resolved_id,
       x.last_disputed_id,
       x.last_resolved_at,
       CASE WHEN x.last_resolved_id > coalesce(x.last_disputed_id, 0) THEN x.last_resolved_at END,
       x.rating,
       coalesce(x.closed, false),
       coalesce(x.auto_closed, false)
FROM complaint_event s
JOIN category cat ON cat.code = s.category_code
LEFT JOIN LATERAL (
    SELECT n.id AS end_id, n.occurred_at AS ended_at, excused_away(n.payload) AS misrouted
    FROM complaint_event n
    WHERE n.complaint_id = s.complaint_id AND n.id > s.id AND n.type = 'REROUTED' AND n.occurred_at < p_as_of
    ORDER BY n.id
    LIMIT 1
) nxt ON true
CROSS JOIN LATERAL (
    SELECT min(e.occurred_at) FILTER (WHERE e.type IN ('REPLIED', 'RESOLVED')
               AND real_reply(e.payload, p_min_reply))
               AS first_reply_at,
           count(*) FILTER (WHERE e.type = 'RESOLVED') AS resolutions,
           count(*) FILTER (WHERE e.type = 'DISPUTED') AS disputes,
           max(e.id) FILTER (WHERE e.type = 'RESOLVED') AS last_resolved_id,
           max(e.id) FILTER (WHERE e.type = 'DISPUTED') AS last_disputed_id,
           max(e.occurred_at) FILTER (WHERE e.type = 'RESOLVED') AS last_resolved_at,
           max((e.payload ->> 'rating')::int) FILTER (WHERE e.type = 'CONFIRMED') AS rating,
           bool_or(e.type IN ('CONFIRMED', 'AUTO_CLOSED')) AS closed,
           bool_or(e.type = 'AUTO_CLOSED') AS auto_closed
    FROM complaint_event e
    WHERE e.complaint_id = s.complaint_id AND e.id > s.id AND (nxt.end_id IS NULL OR e.id < nxt.end_id)
      AND e.occurred_at < p_as_of
) x
WHERE s.type IN ('DISPATCHED', 'REROUTED') AND s.opd_code IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION opd_assignment_apply() RETURNS trigger AS $$
DECLARE
    reply_hours integer;
    fix_hours   integer;
    min_reply   integer;
    is_real     boolean := false;
BEGIN
    IF NEW.type = 'REROUTED' THEN
        UPDATE opd_assignment
        SET end_id = NEW.id, ended_at = NEW.occurred_at,
            misrouted_away = excused_away(NEW.payload)
        WHERE complaint_id = NEW.complaint_id AND end_id IS NULL;
    END IF;
    IF NEW.type IN ('DISPATCHED', 'REROUTED') THEN
        IF NEW.opd_code IS NOT NULL THEN
            SELECT c.reply_hours, c.fix_hours INTO reply_hours, fix_hours FROM category c WHERE c.code = NEW.category_code;
            IF FOUND THEN
                INSERT INTO opd_assignment (start_id, complaint_id, opd_code, received_at, reply_due, fix_due)
                VALUES (NEW.id, NEW.complaint_id, NEW.opd_code, NEW.occurred_at,
                        coalesce((NEW.payload ->> 'replyDueAt')::timestamptz, NEW.occurred_at + make_interval(hours => reply_hours)),
                        coalesce((NEW.payload ->> 'fixDueAt')::timestamptz, NEW.occurred_at + make_interval(hours => fix_hours)));
            END IF;
        END IF;
    ELSIF NEW.type IN ('REPLIED', 'RESOLVED', 'DISPUTED', 'CONFIRMED', 'AUTO_CLOSED') THEN
        IF NEW.type IN ('REPLIED', 'RESOLVED') THEN
            SELECT s.min_reply_characters INTO min_reply FROM ranking_setting s;
            is_real := real_reply(NEW.payload, min_reply);
        END IF;
        UPDATE opd_assignment
        SET first_reply_at   = CASE WHEN is_real THEN least(first_reply_at, NEW.occurred_at) ELSE first_reply_at END,
            resolutions      = resolutions + CASE WHEN NEW.type = 'RESOLVED' THEN 1 ELSE 0 END,
            disputes         = disputes + CASE WHEN NEW.type = 'DISPUTED' THEN 1 ELSE 0 END,
            last_resolved_id = CASE WHEN NEW.type = 'RESOLVED' THEN greatest(last_resolved_id, NEW.id) ELSE last_resolved_id END,
            last_resolved_at = CASE WHEN NEW.type = 'RESOLVED' THEN greatest(last_resolved_at, NEW.occurred_at) ELSE last_resolved_at END,
            last_disputed_id = CASE WHEN NEW.type = 'DISPUTED' THEN greatest(last_disputed_id, NEW.id) ELSE last_disputed_id END,
            rating           = CASE WHEN NEW.type = 'CONFIRMED' THEN greatest(rating, (NEW.payload ->> 'rating')::int) ELSE rating END,
            closed           = closed OR NEW.type IN ('CONFIRMED', 'AUTO_CLOSED'),
            auto_closed      = auto_closed OR NEW.type = 'AUTO_CLOSED'
        WHERE complaint_id = NEW.complaint_id AND end_id IS NULL;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
