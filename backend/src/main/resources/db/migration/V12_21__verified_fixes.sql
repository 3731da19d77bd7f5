-- Verified fixes (issue 12, ADR 0021). A resolution the resident leaves unanswered closes by itself; some of those
-- closures wait for a command-centre operator's check: every one whose after-photo looks like a before-photo
-- (SAME_PHOTO) and a random share of the others (SAMPLED). The operator verifies (FIX_VERIFIED, stays CLOSED) or
-- rejects (FIX_REJECTED, REOPENED, a dispute). The ranking gives an on-time fix that closed by itself and was never
-- verified only the definition's unverified_credit (version 3: 0.5) instead of 1.

-- What a photo looks like: the SHA-256 of the stored JPEG and a 64-bit DCT perceptual hash (pHash) of its thumbnail
-- (photo.internal.Likeness). Photos stored before have neither and are never "alike".
ALTER TABLE photo
    ADD COLUMN sha256 bytea,
    ADD COLUMN phash  bigint;

-- The verification of an auto-closed fix: QUEUED (waiting for an operator), then VERIFIED or REJECTED; null when the
-- closure was not queued. The reason says why it was queued.
ALTER TABLE complaint
    ADD COLUMN verification        text CHECK (verification IN ('QUEUED', 'VERIFIED', 'REJECTED')),
    ADD COLUMN verification_reason text CHECK (verification_reason IN ('SAME_PHOTO', 'SAMPLED')),
    ADD CONSTRAINT complaint_verification_reason CHECK ((verification IS NULL) = (verification_reason IS NULL));

-- The verification queue, oldest closure first (keyset on closed_at, id); small: only what waits.
CREATE INDEX complaint_verification_queue ON complaint (closed_at, id) WHERE verification = 'QUEUED';

-- How much an on-time fix that closed by itself and was never verified counts (1 = as a confirmed one). Versions 1
-- and 2 keep 1.0, so a ranking as of an instant before this migration does not change; version 3 applies from now.
ALTER TABLE ranking_definition
    ADD COLUMN unverified_credit double precision NOT NULL DEFAULT 1.0 CHECK (unverified_credit BETWEEN 0 AND 1);
INSERT INTO ranking_definition (version, method, prior_strength, few_complaints, effective_from, description, unverified_credit)
VALUES (3, 'SHRUNK', 10, 30, now(),
        'As version 2; an on-time fix closed by itself and not verified by an operator counts half (issue 12)', 0.5);

-- The assignment summary learns verification. "verified": a FIX_VERIFIED followed the assignment's latest AUTO_CLOSED.
-- FIX_REJECTED is a dispute (disputes + 1, the standing resolution is gone). closed / auto_closed now describe the
-- LATEST closure after the latest dispute (a rejected fix is no longer closed); before this migration no closure was
-- ever followed by a dispute, so existing rows keep their values.
ALTER TABLE opd_assignment
    ADD COLUMN last_closed_id bigint,
    ADD COLUMN verified       boolean NOT NULL DEFAULT false;
UPDATE opd_assignment a
SET last_closed_id = (SELECT max(e.id) FROM complaint_event e
                      WHERE e.complaint_id = a.complaint_id AND e.id > a.start_id AND (a.end_id IS NULL OR e.id < a.end_id)
                        AND e.type IN ('CONFIRMED', 'AUTO_CLOSED'))
WHERE a.closed;

-- V12_20's functions (V12_18's with excused_away) with the changes above (marked "verified fixes"); the return type
-- grows, so drop and create.
DROP FUNCTION opd_assignment_from_log(timestamptz, integer);
CREATE FUNCTION opd_assignment_from_log(p_as_of timestamptz, p_min_reply integer)
    RETURNS TABLE (start_id bigint, complaint_id uuid, opd_code text, received_at timestamptz, reply_due timestamptz,
                   fix_due timestamptz, end_id bigint, ended_at timestamptz, misrouted_away boolean,
                   first_reply_at timestamptz, resolutions integer, disputes integer, last_resolved_id bigint,
                   last_disputed_id bigint, last_resolved_at timestamptz, resolved_at timestamptz, rating integer,
                   closed boolean, auto_closed boolean, last_closed_id bigint, verified boolean)
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
       -- verified fixes: the latest closure, if no dispute (or rejected fix) came after it
       coalesce(x.last_closed_id > coalesce(x.last_disputed_id, 0), false),
       coalesce(x.last_closed_id > coalesce(x.last_disputed_id, 0) AND x.last_closed_id = x.last_auto_closed_id, false),
       CASE WHEN x.last_closed_id > coalesce(x.last_disputed_id, 0) THEN x.last_closed_id END,
       coalesce(x.last_closed_id > coalesce(x.last_disputed_id, 0) AND x.last_closed_id = x.last_auto_closed_id
                AND x.last_verified_id > x.last_auto_closed_id, false)
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
           -- verified fixes: an operator's rejection is a dispute
           count(*) FILTER (WHERE e.type IN ('DISPUTED', 'FIX_REJECTED')) AS disputes,
           max(e.id) FILTER (WHERE e.type = 'RESOLVED') AS last_resolved_id,
           max(e.id) FILTER (WHERE e.type IN ('DISPUTED', 'FIX_REJECTED')) AS last_disputed_id,
           max(e.occurred_at) FILTER (WHERE e.type = 'RESOLVED') AS last_resolved_at,
           max((e.payload ->> 'rating')::int) FILTER (WHERE e.type = 'CONFIRMED') AS rating,
           max(e.id) FILTER (WHERE e.type IN ('CONFIRMED', 'AUTO_CLOSED')) AS last_closed_id,
           max(e.id) FILTER (WHERE e.type = 'AUTO_CLOSED') AS last_auto_closed_id,
           max(e.id) FILTER (WHERE e.type = 'FIX_VERIFIED') AS last_verified_id
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
    -- verified fixes: FIX_VERIFIED and FIX_REJECTED too
    ELSIF NEW.type IN ('REPLIED', 'RESOLVED', 'DISPUTED', 'CONFIRMED', 'AUTO_CLOSED', 'FIX_VERIFIED', 'FIX_REJECTED') THEN
        IF NEW.type IN ('REPLIED', 'RESOLVED') THEN
            SELECT s.min_reply_characters INTO min_reply FROM ranking_setting s;
            is_real := real_reply(NEW.payload, min_reply);
        END IF;
        -- every right-hand side reads the row as it was before this event (SQL evaluates SET with the old values)
        UPDATE opd_assignment
        SET first_reply_at   = CASE WHEN is_real THEN least(first_reply_at, NEW.occurred_at) ELSE first_reply_at END,
            resolutions      = resolutions + CASE WHEN NEW.type = 'RESOLVED' THEN 1 ELSE 0 END,
            disputes         = disputes + CASE WHEN NEW.type IN ('DISPUTED', 'FIX_REJECTED') THEN 1 ELSE 0 END,
            last_resolved_id = CASE WHEN NEW.type = 'RESOLVED' THEN greatest(last_resolved_id, NEW.id) ELSE last_resolved_id END,
            last_resolved_at = CASE WHEN NEW.type = 'RESOLVED' THEN greatest(last_resolved_at, NEW.occurred_at) ELSE last_resolved_at END,
            last_disputed_id = CASE WHEN NEW.type IN ('DISPUTED', 'FIX_REJECTED') THEN greatest(last_disputed_id, NEW.id) ELSE last_disputed_id END,
            rating           = CASE WHEN NEW.type = 'CONFIRMED' THEN greatest(rating, (NEW.payload ->> 'rating')::int) ELSE rating END,
            -- verified fixes: the latest closure after the latest dispute
            closed           = CASE WHEN NEW.type IN ('CONFIRMED', 'AUTO_CLOSED') THEN true
                                    WHEN NEW.type IN ('DISPUTED', 'FIX_REJECTED') THEN false ELSE closed END,
            auto_closed      = CASE WHEN NEW.type = 'AUTO_CLOSED' THEN true
                                    WHEN NEW.type IN ('CONFIRMED', 'DISPUTED', 'FIX_REJECTED') THEN false ELSE auto_closed END,
            last_closed_id   = CASE WHEN NEW.type IN ('CONFIRMED', 'AUTO_CLOSED') THEN NEW.id
                                    WHEN NEW.type IN ('DISPUTED', 'FIX_REJECTED') THEN NULL ELSE last_closed_id END,
            verified         = CASE WHEN NEW.type = 'FIX_VERIFIED' THEN auto_closed
                                    WHEN NEW.type IN ('CONFIRMED', 'AUTO_CLOSED', 'DISPUTED', 'FIX_REJECTED') THEN false
                                    ELSE verified END
        WHERE complaint_id = NEW.complaint_id AND end_id IS NULL;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION opd_assignment_fill(p_min_reply integer) RETURNS void AS $$
BEGIN
    PERFORM 1 FROM event_counter FOR UPDATE;
    UPDATE ranking_setting SET min_reply_characters = p_min_reply;
    DELETE FROM opd_assignment;
    INSERT INTO opd_assignment (start_id, complaint_id, opd_code, received_at, reply_due, fix_due, end_id, ended_at,
                                misrouted_away, first_reply_at, resolutions, disputes, last_resolved_id, last_disputed_id,
                                last_resolved_at, rating, closed, auto_closed, last_closed_id, verified)
    SELECT l.start_id, l.complaint_id, l.opd_code, l.received_at, l.reply_due, l.fix_due, l.end_id, l.ended_at,
           l.misrouted_away, l.first_reply_at, l.resolutions, l.disputes, l.last_resolved_id, l.last_disputed_id,
           l.last_resolved_at, l.rating, l.closed, l.auto_closed, l.last_closed_id, l.verified
    FROM opd_assignment_from_log('infinity', p_min_reply) l;
    -- fresh statistics, so that the trigger's cached plans look rows up by complaint rather than scan the table
    ANALYZE opd_assignment;
END;
$$ LANGUAGE plpgsql;
