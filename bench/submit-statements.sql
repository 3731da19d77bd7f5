-- What one submitComplaint (no photo) sends PostgreSQL, statement for statement, for pgbench (bench/compare.sh):
--
--   pgbench -n -M prepared -f bench/submit-statements.sql -D resident=<an existing resident's id> -c 16 -j 2 -T 20 <db>
--
-- Taken from PostgreSQL's log (log_statement = all) during one submit to main's backend (bench/compare.sh writes the
-- same capture into its work directory on every run, raw/submit-statements.log: compare them when the write path
-- changes). -M prepared because R2DBC sends each statement as a named prepared statement (S_n), reused. The values
-- Java makes (ids, tracking number, the clock, the kelurahan found for the point) are made here by SQL or pgbench;
-- the point is bench/submit.lua's, in kelurahan 36.72.02.1002. One transaction's worth of work, the same triggers
-- (event id from the counter, NOTIFY, the ranking summary's): a Juare instance listening on the same database reads
-- each event after its NOTIFY, as it does for its own submits.
\set crid random(1, 999999999999999)
\set tn random(1, 999999999999999)

-- 1. ComplaintService.submit: a retry with the same clientRequestId finds the first one (ComplaintRepository
--    .findByClientRequest), outside the transaction
SELECT id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
       kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at,
       dispatched_at, reply_due_at, fix_due_at, first_reply_at, resolved_at, closed_at, reply_overdue_at,
       fix_overdue_at, transfer_requested_at, transfer_reason, reject_reason, duplicate_of, rating, resident_comment,
       reopen_count, auto_closed FROM complaint WHERE resident_id = :resident AND client_request_id = 'pgbench-' || :client_id || '-' || :crid;

-- 2. the transaction (TransactionalOperator): the complaint, ON CONFLICT for a concurrent retry (ComplaintRepository.insertUnlessRequested)
BEGIN READ WRITE;
INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, title,
                       description, lat, lng, kecamatan_code, kelurahan_code, address_text,
                       confidential, status, version, created_at, updated_at)
VALUES (gen_random_uuid(), 'PGB-' || :tn, :resident, 'pgbench-' || :client_id || '-' || :crid, 'JALAN', NULL,
        'Jalan berlubang besar di depan sekolah', -6.035, 106.04035, '36.72.02', '36.72.02.1002', NULL,
        false, 'SUBMITTED', 0, now(), now())
ON CONFLICT (resident_id, client_request_id) DO NOTHING
RETURNING id AS complaint_id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at,
dispatched_at, reply_due_at, fix_due_at, first_reply_at, resolved_at, closed_at, reply_overdue_at,
fix_overdue_at, transfer_requested_at, transfer_reason, reject_reason, duplicate_of, rating, resident_comment,
reopen_count, auto_closed \gset

-- 3. the SUBMITTED event (EventLog.append; its triggers take the id from event_counter, NOTIFY, the ranking summary)
INSERT INTO complaint_event (complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                             opd_code, kecamatan_code, category_code, visible_to_resident, payload)
VALUES (:complaint_id, 'SUBMITTED', 'RESIDENT', :resident, now(), 'SUBMITTED', :resident,
        NULL, '36.72.02', 'JALAN', true, jsonb_build_object('trackingNumber', 'PGB-' || :tn))
RETURNING id;
COMMIT;

-- 4. the answer's photos (the complaint's photos field, PhotoService.photosOf through the DataLoader)
SELECT id, complaint_id, width, height, kind FROM photo
WHERE complaint_id = ANY(ARRAY[:complaint_id]::uuid[])
ORDER BY created_at, id;
