-- What one submitComplaint without photos sends to PostgreSQL (ADR 0040), for pgbench:
--   pgbench -n -f bench/submit-statements.sql -c C -j 2 -T 20 <db>      (-M prepared is closest to Juare's driver)
-- ONE statement, on its own (autocommit: no BEGIN/COMMIT), sent by ComplaintRepository.insertWithEvent (called by
-- ComplaintService.create); its second half is EventLog.appendingWhen. The check of the request id,
-- the category (AgencyCatalog, cached) and the place (CityMap.locate, the kelurahan polygons in memory) send nothing;
-- the answer's photos are known to be none (ComplaintController.primePhotos), so no photo statement follows.
-- Juare binds every value; here the complaint's id, client request id and tracking number are made from a random
-- number per transaction, so they are unique. The resident is the one with the smallest id (there must be one): pgbench
-- has no way to look it up once per client, so the statement reads it (bench_resident, one index probe, a few µs: the
-- only work here that Juare, which binds the id, does not do). The place is what CityMap.locate finds for the bench's point
-- (-6.035, 106.04035): kecamatan Cilegon 36.72.02, kelurahan Ciwedus 36.72.02.1002.
\set r random(1, 9000000000000000000)
WITH bench_resident AS (SELECT id FROM resident ORDER BY id LIMIT 1),
created AS (
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
              reopen_count, auto_closed
),
appended AS (
    INSERT INTO complaint_event (complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id,
                                 opd_code, kecamatan_code, category_code, visible_to_resident, payload)
    SELECT md5('c' || :r)::uuid, 'SUBMITTED', 'RESIDENT', (SELECT id FROM bench_resident), now(), 'SUBMITTED',
           (SELECT id FROM bench_resident), NULL, '36.72.02', 'JALAN', true,
           jsonb_build_object('trackingNumber', 'PGB-' || upper(substr(md5('t' || :r), 1, 12)))
    WHERE EXISTS (SELECT 1 FROM created)
    RETURNING id
)
SELECT created.*, (SELECT id FROM appended) AS event_id FROM created;
