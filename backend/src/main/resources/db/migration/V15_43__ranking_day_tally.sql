-- The live ranking's figures pre-added per OPD and WIB day of receipt (ADR 0043), so that a year's ranking adds up a
-- few thousand rows instead of aggregating a million assignments on every query.
--
-- opd_day_tally: for each (OPD, day) the sums of what the ranking counts over the day's assignments
-- (RankingRepository.FIGURES, docs/ranking.md), each exactly as it counts it. Every figure but two depends only on
-- the assignment row, never on the clock; those rows change only with events, and the trigger below moves the sums in
-- the same transaction. The two that depend on the clock, replyDecided and fixDecided ("replied, or the reply clock
-- ran out" at the earlier of now and the assignment's end), are split into a part that does not (replied; the
-- standing resolutions) and the rows whose decision waits only for the clock (reply_pending, fix_pending: no reply
-- yet, and the deadline not after the assignment's end). At a query's now, the pending rows whose deadline is still
-- after now are taken off again: they are the assignments of the last few days, read live through
-- opd_assignment_due. The medians and p90s cannot be added up: they are still sorted live (one sort for both).
--
-- Writers only INSERT signed deltas (+1 new row, -1 old row, summed per statement), never update a shared row, so
-- two transactions never wait for each other here and a rolled-back change leaves nothing (as complaint_tally,
-- ADR 0037). Readers add the rows up; opd_day_tally_compact (RankingTallyCompaction, every few seconds, one instance
-- at a time) folds the deltas into one row per key.

CREATE TABLE opd_day_tally (
    opd_code                text    NOT NULL,
    day                     date    NOT NULL,
    received                integer NOT NULL,
    misrouted_away          integer NOT NULL,
    replied                 integer NOT NULL,
    reply_on_time           integer NOT NULL,
    reply_pending           integer NOT NULL,
    fix_on_time             integer NOT NULL,
    fix_standing            integer NOT NULL,
    fix_pending             integer NOT NULL,
    resolved                integer NOT NULL,
    reopened                integer NOT NULL,
    rated                   integer NOT NULL,
    rating_sum              bigint  NOT NULL,
    closed                  integer NOT NULL,
    auto_closed             integer NOT NULL,
    fix_on_time_unverified  integer NOT NULL,
    auto_closed_verified    integer NOT NULL,
    compacted               boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX opd_day_tally_key ON opd_day_tally (day, opd_code) WHERE compacted;
CREATE INDEX opd_day_tally_deltas ON opd_day_tally (day) WHERE NOT compacted;

-- the assignments whose clock-dependent figures still wait for a deadline after now (a few days' worth)
CREATE INDEX opd_assignment_due ON opd_assignment (greatest(reply_due, fix_due));

-- The percentiles' sort (RankingRepository.PERCENTILES), over the replied assignments only, both read without the
-- table (index-only): a long period reads each OPD's reply times already in order (the sort inside percentile_cont
-- then only checks the order: a year at a million complaints 1.1 s -> 0.25-0.35 s), a short one the period's range.
-- A row enters them once, with its first real reply.
CREATE INDEX opd_assignment_reply_seconds ON opd_assignment
    (opd_code, (extract(epoch FROM first_reply_at - received_at)::double precision)) INCLUDE (received_at, first_reply_at)
    WHERE NOT misrouted_away AND first_reply_at IS NOT NULL;
CREATE INDEX opd_assignment_replied ON opd_assignment (received_at) INCLUDE (opd_code, first_reply_at)
    WHERE NOT misrouted_away AND first_reply_at IS NOT NULL;

CREATE FUNCTION opd_day_tally_apply() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO opd_day_tally (opd_code, day, received, misrouted_away, replied, reply_on_time, reply_pending, fix_on_time, fix_standing, fix_pending, resolved, reopened, rated, rating_sum, closed, auto_closed, fix_on_time_unverified, auto_closed_verified)
        SELECT *
        FROM (SELECT x.opd_code, wib_day(x.received_at) AS day,
               sum(CASE WHEN NOT x.misrouted_away THEN 1 ELSE 0 END) AS received,
               sum(CASE WHEN x.misrouted_away THEN 1 ELSE 0 END) AS misrouted_away,
               sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NOT NULL THEN 1 ELSE 0 END) AS replied,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.first_reply_at <= x.reply_due, false) THEN 1 ELSE 0 END) AS reply_on_time,
               sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NULL AND (x.ended_at IS NULL OR x.reply_due <= x.ended_at) THEN 1 ELSE 0 END) AS reply_pending,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) THEN 1 ELSE 0 END) AS fix_on_time,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS fix_standing,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NULL AND (x.ended_at IS NULL OR x.fix_due <= x.ended_at) THEN 1 ELSE 0 END) AS fix_pending,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 THEN 1 ELSE 0 END) AS resolved,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 AND x.disputes > 0 THEN 1 ELSE 0 END) AS reopened,
               sum(CASE WHEN NOT x.misrouted_away AND x.rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
               sum(CASE WHEN NOT x.misrouted_away THEN coalesce(x.rating, 0) ELSE 0 END * 1) AS rating_sum,
               sum(CASE WHEN NOT x.misrouted_away AND x.closed THEN 1 ELSE 0 END) AS closed,
               sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed THEN 1 ELSE 0 END) AS auto_closed,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) AND x.auto_closed AND NOT x.verified THEN 1 ELSE 0 END) AS fix_on_time_unverified,
               sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed AND x.verified THEN 1 ELSE 0 END) AS auto_closed_verified
              FROM new_rows x
              GROUP BY 1, 2) t
        WHERE (t.received, t.misrouted_away, t.replied, t.reply_on_time, t.reply_pending, t.fix_on_time, t.fix_standing, t.fix_pending, t.resolved, t.reopened, t.rated, t.rating_sum, t.closed, t.auto_closed, t.fix_on_time_unverified, t.auto_closed_verified) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO opd_day_tally (opd_code, day, received, misrouted_away, replied, reply_on_time, reply_pending, fix_on_time, fix_standing, fix_pending, resolved, reopened, rated, rating_sum, closed, auto_closed, fix_on_time_unverified, auto_closed_verified)
        SELECT *
        FROM (SELECT x.opd_code, wib_day(x.received_at) AS day,
               sum(CASE WHEN NOT x.misrouted_away THEN -1 ELSE 0 END) AS received,
               sum(CASE WHEN x.misrouted_away THEN -1 ELSE 0 END) AS misrouted_away,
               sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NOT NULL THEN -1 ELSE 0 END) AS replied,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.first_reply_at <= x.reply_due, false) THEN -1 ELSE 0 END) AS reply_on_time,
               sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NULL AND (x.ended_at IS NULL OR x.reply_due <= x.ended_at) THEN -1 ELSE 0 END) AS reply_pending,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) THEN -1 ELSE 0 END) AS fix_on_time,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NOT NULL THEN -1 ELSE 0 END) AS fix_standing,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NULL AND (x.ended_at IS NULL OR x.fix_due <= x.ended_at) THEN -1 ELSE 0 END) AS fix_pending,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 THEN -1 ELSE 0 END) AS resolved,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 AND x.disputes > 0 THEN -1 ELSE 0 END) AS reopened,
               sum(CASE WHEN NOT x.misrouted_away AND x.rating IS NOT NULL THEN -1 ELSE 0 END) AS rated,
               sum(CASE WHEN NOT x.misrouted_away THEN coalesce(x.rating, 0) ELSE 0 END * -1) AS rating_sum,
               sum(CASE WHEN NOT x.misrouted_away AND x.closed THEN -1 ELSE 0 END) AS closed,
               sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed THEN -1 ELSE 0 END) AS auto_closed,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) AND x.auto_closed AND NOT x.verified THEN -1 ELSE 0 END) AS fix_on_time_unverified,
               sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed AND x.verified THEN -1 ELSE 0 END) AS auto_closed_verified
              FROM old_rows x
              GROUP BY 1, 2) t
        WHERE (t.received, t.misrouted_away, t.replied, t.reply_on_time, t.reply_pending, t.fix_on_time, t.fix_standing, t.fix_pending, t.resolved, t.reopened, t.rated, t.rating_sum, t.closed, t.auto_closed, t.fix_on_time_unverified, t.auto_closed_verified) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    ELSE
        INSERT INTO opd_day_tally (opd_code, day, received, misrouted_away, replied, reply_on_time, reply_pending, fix_on_time, fix_standing, fix_pending, resolved, reopened, rated, rating_sum, closed, auto_closed, fix_on_time_unverified, auto_closed_verified)
        SELECT *
        FROM (SELECT x.opd_code, wib_day(x.received_at) AS day,
               sum(CASE WHEN NOT x.misrouted_away THEN x.d ELSE 0 END) AS received,
               sum(CASE WHEN x.misrouted_away THEN x.d ELSE 0 END) AS misrouted_away,
               sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NOT NULL THEN x.d ELSE 0 END) AS replied,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.first_reply_at <= x.reply_due, false) THEN x.d ELSE 0 END) AS reply_on_time,
               sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NULL AND (x.ended_at IS NULL OR x.reply_due <= x.ended_at) THEN x.d ELSE 0 END) AS reply_pending,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) THEN x.d ELSE 0 END) AS fix_on_time,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NOT NULL THEN x.d ELSE 0 END) AS fix_standing,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NULL AND (x.ended_at IS NULL OR x.fix_due <= x.ended_at) THEN x.d ELSE 0 END) AS fix_pending,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 THEN x.d ELSE 0 END) AS resolved,
               sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 AND x.disputes > 0 THEN x.d ELSE 0 END) AS reopened,
               sum(CASE WHEN NOT x.misrouted_away AND x.rating IS NOT NULL THEN x.d ELSE 0 END) AS rated,
               sum(CASE WHEN NOT x.misrouted_away THEN coalesce(x.rating, 0) ELSE 0 END * x.d) AS rating_sum,
               sum(CASE WHEN NOT x.misrouted_away AND x.closed THEN x.d ELSE 0 END) AS closed,
               sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed THEN x.d ELSE 0 END) AS auto_closed,
               sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) AND x.auto_closed AND NOT x.verified THEN x.d ELSE 0 END) AS fix_on_time_unverified,
               sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed AND x.verified THEN x.d ELSE 0 END) AS auto_closed_verified
              FROM (SELECT -1 AS d, o.* FROM old_rows o UNION ALL SELECT 1, n.* FROM new_rows n) x
              GROUP BY 1, 2) t
        WHERE (t.received, t.misrouted_away, t.replied, t.reply_on_time, t.reply_pending, t.fix_on_time, t.fix_standing, t.fix_pending, t.resolved, t.reopened, t.rated, t.rating_sum, t.closed, t.auto_closed, t.fix_on_time_unverified, t.auto_closed_verified) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER opd_day_tally_insert AFTER INSERT ON opd_assignment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_day_tally_apply();
CREATE TRIGGER opd_day_tally_update AFTER UPDATE ON opd_assignment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_day_tally_apply();
CREATE TRIGGER opd_day_tally_delete AFTER DELETE ON opd_assignment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opd_day_tally_apply();

-- Folds the deltas into one row per key; one caller at a time (the others return -1 at once). Returns the number of
-- delta rows folded. One snapshot: a reader sees the deltas or their sum.
CREATE FUNCTION opd_day_tally_compact() RETURNS integer AS $$
DECLARE
    folded integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('opd_day_tally_compact')) THEN
        RETURN -1;
    END IF;
    WITH gone AS (
        DELETE FROM opd_day_tally WHERE NOT compacted
        RETURNING *
    ), summed AS (
        SELECT opd_code, day, sum(received) AS received, sum(misrouted_away) AS misrouted_away, sum(replied) AS replied, sum(reply_on_time) AS reply_on_time, sum(reply_pending) AS reply_pending, sum(fix_on_time) AS fix_on_time, sum(fix_standing) AS fix_standing, sum(fix_pending) AS fix_pending, sum(resolved) AS resolved, sum(reopened) AS reopened, sum(rated) AS rated, sum(rating_sum) AS rating_sum, sum(closed) AS closed, sum(auto_closed) AS auto_closed, sum(fix_on_time_unverified) AS fix_on_time_unverified, sum(auto_closed_verified) AS auto_closed_verified, count(*) AS deltas
        FROM gone GROUP BY 1, 2
    ), merged AS (
        INSERT INTO opd_day_tally AS t (opd_code, day, received, misrouted_away, replied, reply_on_time, reply_pending, fix_on_time, fix_standing, fix_pending, resolved, reopened, rated, rating_sum, closed, auto_closed, fix_on_time_unverified, auto_closed_verified, compacted)
        SELECT opd_code, day, received, misrouted_away, replied, reply_on_time, reply_pending, fix_on_time, fix_standing, fix_pending, resolved, reopened, rated, rating_sum, closed, auto_closed, fix_on_time_unverified, auto_closed_verified, true FROM summed
        ON CONFLICT (day, opd_code) WHERE compacted
            DO UPDATE SET received = t.received + excluded.received, misrouted_away = t.misrouted_away + excluded.misrouted_away, replied = t.replied + excluded.replied, reply_on_time = t.reply_on_time + excluded.reply_on_time, reply_pending = t.reply_pending + excluded.reply_pending, fix_on_time = t.fix_on_time + excluded.fix_on_time, fix_standing = t.fix_standing + excluded.fix_standing, fix_pending = t.fix_pending + excluded.fix_pending, resolved = t.resolved + excluded.resolved, reopened = t.reopened + excluded.reopened, rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum, closed = t.closed + excluded.closed, auto_closed = t.auto_closed + excluded.auto_closed, fix_on_time_unverified = t.fix_on_time_unverified + excluded.fix_on_time_unverified, auto_closed_verified = t.auto_closed_verified + excluded.auto_closed_verified
    )
    SELECT coalesce(sum(deltas), 0) INTO folded FROM summed;
    DELETE FROM opd_day_tally WHERE compacted AND received = 0 AND misrouted_away = 0;
    RETURN folded;
END;
$$ LANGUAGE plpgsql;

-- the existing assignments
INSERT INTO opd_day_tally (opd_code, day, received, misrouted_away, replied, reply_on_time, reply_pending, fix_on_time, fix_standing, fix_pending, resolved, reopened, rated, rating_sum, closed, auto_closed, fix_on_time_unverified, auto_closed_verified, compacted)
SELECT x.opd_code, wib_day(x.received_at), sum(CASE WHEN NOT x.misrouted_away THEN 1 ELSE 0 END), sum(CASE WHEN x.misrouted_away THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.first_reply_at <= x.reply_due, false) THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.first_reply_at IS NULL AND (x.ended_at IS NULL OR x.reply_due <= x.ended_at) THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.resolved_at IS NULL AND (x.ended_at IS NULL OR x.fix_due <= x.ended_at) THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.resolutions > 0 AND x.disputes > 0 THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.rating IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away THEN coalesce(x.rating, 0) ELSE 0 END * 1), sum(CASE WHEN NOT x.misrouted_away AND x.closed THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND coalesce(x.resolved_at <= x.fix_due, false) AND x.auto_closed AND NOT x.verified THEN 1 ELSE 0 END), sum(CASE WHEN NOT x.misrouted_away AND x.auto_closed AND x.verified THEN 1 ELSE 0 END), true
FROM opd_assignment x
GROUP BY 1, 2;
