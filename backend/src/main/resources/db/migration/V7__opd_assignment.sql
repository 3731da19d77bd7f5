-- The ranking's summary of assignments (docs/ranking.md, ADR 0008): one row per DISPATCHED or REROUTED event that
-- names an OPD, holding what the figures need, kept up to date by a trigger on complaint_event in the same
-- transaction as each event. The live ranking reads it instead of walking the event log; the ranking as of a past
-- instant still derives the same rows from the log (opd_assignment_from_log), so both have one definition each:
-- the set-based one below and the incremental one in the trigger, proved equal by AssignmentSummaryTest.

-- The ranking's "real reply" threshold (juare.lifecycle.min-reply-characters) as the summary was built with it. The
-- application writes it at start-up and rebuilds the summary if it changed (opd_assignment_rebuild).
CREATE TABLE ranking_setting (
    singleton            boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    min_reply_characters integer NOT NULL CHECK (min_reply_characters >= 0)
);
INSERT INTO ranking_setting (singleton, min_reply_characters) VALUES (true, 15);

-- Rows are updated a few times each (reply, resolution, closure): room on the page keeps those updates HOT.
CREATE TABLE opd_assignment (
    start_id         bigint PRIMARY KEY,           -- the DISPATCHED or REROUTED event
    complaint_id     uuid        NOT NULL,
    opd_code         text        NOT NULL,
    received_at      timestamptz NOT NULL,         -- the start event's time
    reply_due        timestamptz NOT NULL,         -- from its payload, else the category's hours
    fix_due          timestamptz NOT NULL,
    end_id           bigint,                       -- the complaint's next REROUTED event
    ended_at         timestamptz,
    misrouted_away   boolean     NOT NULL DEFAULT false,
    first_reply_at   timestamptz,                  -- the earliest REPLIED or RESOLVED with enough letters or digits
    resolutions      integer     NOT NULL DEFAULT 0,
    disputes         integer     NOT NULL DEFAULT 0,
    last_resolved_id bigint,
    last_disputed_id bigint,
    last_resolved_at timestamptz,
    -- the standing resolution: one that no dispute followed
    resolved_at      timestamptz GENERATED ALWAYS AS
        (CASE WHEN last_resolved_id > coalesce(last_disputed_id, 0) THEN last_resolved_at END) STORED,
    rating           integer,
    closed           boolean     NOT NULL DEFAULT false,
    auto_closed      boolean     NOT NULL DEFAULT false
) WITH (fillfactor = 80);

-- periods of every OPD; one OPD's period (scorecard, trend, drill-down)
CREATE INDEX opd_assignment_received ON opd_assignment (received_at);
CREATE INDEX opd_assignment_opd_received ON opd_assignment (opd_code, received_at);
-- the trigger's look-up of a complaint's running assignments; the open-now drill-down's current assignment
CREATE INDEX opd_assignment_running ON opd_assignment (complaint_id, start_id) WHERE end_id IS NULL;

-- The assignments derived from the event log, counting only events before p_as_of (the ranking as of an instant;
-- 'infinity' for all): the reference definition. SQL and STABLE, so that it is inlined into the calling query and a
-- condition on received_at or opd_code reaches the start events' index. The two LATERAL look-ups walk one
-- complaint's events through complaint_event_complaint (complaint_id, id).
CREATE FUNCTION opd_assignment_from_log(p_as_of timestamptz, p_min_reply integer)
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
    SELECT n.id AS end_id, n.occurred_at AS ended_at, (n.payload ->> 'misrouted')::boolean AS misrouted
    FROM complaint_event n
    WHERE n.complaint_id = s.complaint_id AND n.id > s.id AND n.type = 'REROUTED' AND n.occurred_at < p_as_of
    ORDER BY n.id
    LIMIT 1
) nxt ON true
CROSS JOIN LATERAL (
    SELECT min(e.occurred_at) FILTER (WHERE e.type IN ('REPLIED', 'RESOLVED')
               AND length(regexp_replace(coalesce(e.payload ->> 'message', ''), '[^[:alnum:]]', '', 'g')) >= p_min_reply)
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

-- The same rows, one event at a time, in id order (the counter row's lock serialises event-writing transactions, so
-- a trigger sees every earlier event's effect). An event belongs to every running assignment of its complaint (one,
-- in practice); a REROUTED ends them.
CREATE FUNCTION opd_assignment_apply() RETURNS trigger AS $$
DECLARE
    reply_hours integer;
    fix_hours   integer;
    min_reply   integer;
    real_reply  boolean := false;
BEGIN
    IF NEW.type = 'REROUTED' THEN
        UPDATE opd_assignment
        SET end_id = NEW.id, ended_at = NEW.occurred_at,
            misrouted_away = coalesce((NEW.payload ->> 'misrouted')::boolean, false)
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
            real_reply := length(regexp_replace(coalesce(NEW.payload ->> 'message', ''), '[^[:alnum:]]', '', 'g')) >= min_reply;
        END IF;
        UPDATE opd_assignment
        SET first_reply_at   = CASE WHEN real_reply THEN least(first_reply_at, NEW.occurred_at) ELSE first_reply_at END,
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

CREATE TRIGGER opd_assignment_apply AFTER INSERT ON complaint_event
    FOR EACH ROW EXECUTE FUNCTION opd_assignment_apply();

-- Replaces the summary with the rows derived from the log with a threshold, holding the event counter's row lock
-- meanwhile, so that no event is written while the rows are replaced.
CREATE FUNCTION opd_assignment_fill(p_min_reply integer) RETURNS void AS $$
BEGIN
    PERFORM 1 FROM event_counter FOR UPDATE;
    UPDATE ranking_setting SET min_reply_characters = p_min_reply;
    DELETE FROM opd_assignment;
    INSERT INTO opd_assignment (start_id, complaint_id, opd_code, received_at, reply_due, fix_due, end_id, ended_at,
                                misrouted_away, first_reply_at, resolutions, disputes, last_resolved_id, last_disputed_id,
                                last_resolved_at, rating, closed, auto_closed)
    SELECT l.start_id, l.complaint_id, l.opd_code, l.received_at, l.reply_due, l.fix_due, l.end_id, l.ended_at,
           l.misrouted_away, l.first_reply_at, l.resolutions, l.disputes, l.last_resolved_id, l.last_disputed_id,
           l.last_resolved_at, l.rating, l.closed, l.auto_closed
    FROM opd_assignment_from_log('infinity', p_min_reply) l;
    -- fresh statistics, so that the trigger's cached plans look rows up by complaint rather than scan the table
    ANALYZE opd_assignment;
END;
$$ LANGUAGE plpgsql;

-- What the application calls at start-up with its configured threshold: rebuilds if the summary was built with
-- another one; true if it did. The setting's row lock makes instances starting together rebuild once.
CREATE FUNCTION opd_assignment_rebuild(p_min_reply integer) RETURNS boolean AS $$
BEGIN
    IF (SELECT min_reply_characters FROM ranking_setting FOR UPDATE) = p_min_reply THEN
        RETURN false;
    END IF;
    PERFORM opd_assignment_fill(p_min_reply);
    RETURN true;
END;
$$ LANGUAGE plpgsql;

-- the existing log, with the default threshold (the application rebuilds at start-up if it is configured otherwise)
SELECT opd_assignment_fill(15);
