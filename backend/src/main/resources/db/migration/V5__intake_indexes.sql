-- Counts by period and the command centre's intake per shift read complaints by filing time and events by type and time.
CREATE INDEX complaint_created ON complaint (created_at);
CREATE INDEX complaint_event_type_time ON complaint_event (type, occurred_at);
