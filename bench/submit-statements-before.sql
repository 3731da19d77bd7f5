-- What one submitComplaint without photos sent to PostgreSQL BEFORE ADR 0040 (main up to issue 15's "writes" part),
-- for pgbench, to compare with bench/submit-statements.sql (what it sends now):
--   pgbench -n -f bench/submit-statements-before.sql -c C -j 2 -T 20 <db>      (-M prepared is closest to Juare's driver)
-- Six round trips over three pooled connections, one transaction. Values and the resident (bench_resident, read in
-- each statement that names it) as in bench/submit-statements.sql.
\set r random(1, 9000000000000000000)
-- ComplaintService.submit -> ComplaintRepository.findByClientRequest: is this a retry? (finds nothing)
WITH bench_resident AS (SELECT id FROM resident ORDER BY id LIMIT 1)
SELECT id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
       kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at,
       dispatched_at, reply_due_at, fix_due_at, first_reply_at, resolved_at, closed_at, reply_overdue_at,
       fix_overdue_at, transfer_requested_at, transfer_reason, reject_reason, duplicate_of, rating, resident_comment,
       reopen_count, auto_closed
FROM complaint WHERE resident_id = (SELECT id FROM bench_resident) AND client_request_id = 'pgbench-' || :r;
-- ComplaintService.store: TransactionalOperator (R2dbcTransactionManager)
BEGIN;
-- ComplaintRepository.insertUnlessRequested
WITH bench_resident AS (SELECT id FROM resident ORDER BY id LIMIT 1)
INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, title,
                       description, lat, lng, kecamatan_code, kelurahan_code, address_text,
                       confidential, status, version, created_at, updated_at)
VALUES (md5('c' || :r)::uuid, 'PGB-' || upper(substr(md5('t' || :r), 1, 12)), (SELECT id FROM bench_resident), 'pgbench-' || :r,
        'JALAN', NULL, 'Jalan berlubang besar di depan sekolah', -6.035, 106.04035, '36.72.02', '36.72.02.1002', NULL,
        false, 'SUBMITTED', 0, now(), now())
ON CONFLICT (resident_id, client_request_id) DO NOTHING
RETURNING id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
       kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at,
       dispatched_at, reply_due_at, fix_due_at, first_reply_at, resolved_at, closed_at, reply_overdue_at,
       fix_overdue_at, transfer_requested_at, transfer_reason, reject_reason, duplicate_of, rating, resident_comment,
       reopen_count, auto_closed;
-- ComplaintService.attachAndRecord -> EventLog.append (PhotoService.attach sends nothing without photos)
WITH bench_resident AS (SELECT id FROM resident ORDER BY id LIMIT 1)
INSERT INTO complaint_event (complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                             opd_code, kecamatan_code, category_code, visible_to_resident, payload)
VALUES (md5('c' || :r)::uuid, 'SUBMITTED', 'RESIDENT', (SELECT id FROM bench_resident), now(), 'SUBMITTED', (SELECT id FROM bench_resident), NULL, '36.72.02', 'JALAN', true,
        jsonb_build_object('trackingNumber', 'PGB-' || upper(substr(md5('t' || :r), 1, 12))))
RETURNING id;
COMMIT;
-- the answer's Complaint.photos: ComplaintController.photos (batch loader) -> PhotoService.photosOf
SELECT id, complaint_id, width, height, kind FROM photo WHERE complaint_id = ANY(ARRAY[md5('c' || :r)::uuid]) ORDER BY created_at, id;
