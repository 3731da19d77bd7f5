-- Per event: one single-row UPDATE of opd_assignment, as opd_assignment_apply does (20,000 of each kind, each batch in
-- a transaction rolled back). "before": V15_43's day-sum triggers off and its two reply-time indexes dropped (main's
-- state); "after": as migrated. Interleaved before/after, three times.
\pset footer off
CREATE TEMP TABLE wc_rated AS SELECT start_id FROM opd_assignment WHERE NOT misrouted_away ORDER BY random() LIMIT 20000;
CREATE TEMP TABLE wc_unreplied AS SELECT start_id FROM opd_assignment
    WHERE NOT misrouted_away AND first_reply_at IS NULL ORDER BY random() LIMIT 20000;
CREATE OR REPLACE FUNCTION pg_temp.wc_rating() RETURNS numeric AS $$
DECLARE t0 timestamptz := clock_timestamp(); r record;
BEGIN
  FOR r IN SELECT start_id FROM wc_rated LOOP
    UPDATE opd_assignment SET rating = coalesce(rating, 0) % 5 + 1 WHERE start_id = r.start_id;
  END LOOP;
  RETURN round((extract(epoch FROM clock_timestamp() - t0) * 1e6 / 20000)::numeric, 1);
END $$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION pg_temp.wc_reply() RETURNS numeric AS $$
DECLARE t0 timestamptz := clock_timestamp(); r record;
BEGIN
  FOR r IN SELECT start_id FROM wc_unreplied LOOP
    UPDATE opd_assignment SET first_reply_at = received_at + interval '1 hour' WHERE start_id = r.start_id;
  END LOOP;
  RETURN round((extract(epoch FROM clock_timestamp() - t0) * 1e6 / 20000)::numeric, 1);
END $$ LANGUAGE plpgsql;
BEGIN; ALTER TABLE opd_assignment DISABLE TRIGGER opd_day_tally_update; DROP INDEX opd_assignment_reply_seconds, opd_assignment_replied;
SELECT 'before' AS state, pg_temp.wc_rating() AS rating_us_per_event, pg_temp.wc_reply() AS first_reply_us_per_event; ROLLBACK;
BEGIN; SELECT 'after' AS state, pg_temp.wc_rating() AS rating_us_per_event, pg_temp.wc_reply() AS first_reply_us_per_event; ROLLBACK;
SELECT 'load ' || pg_read_file('/proc/loadavg');
BEGIN; ALTER TABLE opd_assignment DISABLE TRIGGER opd_day_tally_update; DROP INDEX opd_assignment_reply_seconds, opd_assignment_replied;
SELECT 'before' AS state, pg_temp.wc_rating() AS rating_us_per_event, pg_temp.wc_reply() AS first_reply_us_per_event; ROLLBACK;
BEGIN; SELECT 'after' AS state, pg_temp.wc_rating() AS rating_us_per_event, pg_temp.wc_reply() AS first_reply_us_per_event; ROLLBACK;
SELECT 'load ' || pg_read_file('/proc/loadavg');
BEGIN; ALTER TABLE opd_assignment DISABLE TRIGGER opd_day_tally_update; DROP INDEX opd_assignment_reply_seconds, opd_assignment_replied;
SELECT 'before' AS state, pg_temp.wc_rating() AS rating_us_per_event, pg_temp.wc_reply() AS first_reply_us_per_event; ROLLBACK;
BEGIN; SELECT 'after' AS state, pg_temp.wc_rating() AS rating_us_per_event, pg_temp.wc_reply() AS first_reply_us_per_event; ROLLBACK;
SELECT 'load ' || pg_read_file('/proc/loadavg');
