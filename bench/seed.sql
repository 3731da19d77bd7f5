-- Made-up complaints with the shape of a city's, straight into a migrated Juare database (run the backend once first:
-- Flyway makes the schema). Set-based SQL, no application in between: 100,000 complaints in about a minute, 1,000,000
-- in about ten on a small machine.
--
--   psql -v ON_ERROR_STOP=1 -v n=100000 [-v days=365] [-v seed=0.42] \
--        [-v bench_resident=<uuid> -v bench_complaints=40] -f bench/seed.sql <database>
--
-- n                 complaints to add (default 100000)
-- days              filed over the last this many days, evenly (default 365)
-- seed              setseed() for random(), -1..1 (default 0.42): the same numbers give the same shape
-- bench_resident    an existing resident (signed in through the API) who gets bench_complaints (default 40) of the n
--                   complaints, for myComplaints; the other residents' encrypted NIK and phone are copies of this
--                   resident's ciphertext, so the application can decrypt every one (they all read as that resident's
--                   NIK and number). Without it the ciphertexts are random bytes: nothing the reads need decrypts them,
--                   but a notification to such a resident fails (none is sent unless an operator acts on its complaint).
--
-- What it writes (docs/benchmarks/compare.md, "The data"):
-- * residents: about one per 4 complaints; one in 20 files 20-50 complaints, the others 1-4; NIK and phone hashes
--   unique random bytes (no one signs in as them), masked forms as the application writes them;
-- * complaints: the 23 categories' codes with their default OPD (one in 10 dispatched elsewhere), a kelurahan's centroid
--   within about 500 m, statuses by age (today: many new and dispatched; a week: in progress, resolved; older: mostly
--   closed, one in 10 rejected, a few stuck open and overdue), the clocks (dispatched, due, first reply, resolved,
--   closed, overdue marks) consistent with the events; 3 % confidential; tracking numbers in the application's alphabet;
-- * the event log: SUBMITTED, DISPATCHED or REJECTED, REPLIED, REPLY_OVERDUE, RESOLVED, FIX_OVERDUE, DISPUTED,
--   CONFIRMED or AUTO_CLOSED as the status implies, ids after the log's last one, gap-free, in time order; the ranking's
--   summary (opd_assignment) rebuilt from the log afterwards;
-- * photos: 6 in 10 complaints 1-3 evidence photos, every resolution one after-photo (rows only: no image is stored,
--   so the URLs the API signs answer 404; the reads do not fetch them);
-- * staff: one responder per OPD with a complaint and one operator, named seed.*, who act in the events; their
--   password hash is not a hash, so no one signs in as them.
--
-- The complaint_event triggers (id, NOTIFY, append-only, the summary's) are off while the log is written in one
-- transaction (ids are given here, and the summary is rebuilt once); other tables' triggers fire as usual. A summary
-- kept by the application rather than by a trigger must be rebuilt at the end (marked below).
\set ON_ERROR_STOP 1
\if :{?n}
\else
\set n 100000
\endif
\if :{?days}
\else
\set days 365
\endif
\if :{?seed}
\else
\set seed 0.42
\endif
\if :{?bench_resident}
\else
\set bench_resident ''
\endif
\if :{?bench_complaints}
\else
\set bench_complaints 40
\endif

\timing on
BEGIN;
SET LOCAL work_mem = '256MB';
-- temp tables have no statistics: the estimates are huge, and JIT would spend its time compiling rather than running
SET LOCAL jit = off;

-- the run: a tag and a random offset into the tracking numbers' space, so that two seeds into one database do not collide
CREATE TEMP TABLE seed_run ON COMMIT DROP AS
SELECT now() AS t0, (:days)::int AS days, nullif(:'bench_resident', '')::uuid AS bench_resident,
       floor(random() * 17249876309)::bigint AS tn_offset, substr(md5(random()::text), 1, 6) AS tag;
-- the shape from here on is the seed's (the run's tag and offset above are not, so seeds into one database never collide)
SELECT setseed(:seed);

-- residents: cnt complaints each; the bench resident (if any) first with bench_complaints
CREATE TEMP TABLE seed_resident ON COMMIT DROP AS
WITH r AS (
    SELECT 0 AS g, bench_resident AS id, (:bench_complaints)::int AS cnt, false AS fresh FROM seed_run WHERE bench_resident IS NOT NULL
    UNION ALL
    SELECT g, gen_random_uuid(), CASE WHEN random() < 0.05 THEN 20 + floor(random() * 31)::int ELSE 1 + floor(random() * 4)::int END, true
    FROM generate_series(1, (:n) / 2 + 10) AS g
), c AS (
    SELECT r.*, sum(cnt) OVER (ORDER BY g) AS upto FROM r
)
SELECT g, id, cnt, fresh, upto - cnt AS first_slot FROM c WHERE upto - cnt < (:n);

INSERT INTO resident (id, nik_hash, nik_encrypted, nik_masked, phone_hash, phone_encrypted, phone_masked, name, created_at, updated_at)
SELECT r.id,
       sha256(convert_to('seed-nik-' || s.tag || '-' || r.g, 'UTF8')),
       coalesce(b.nik_encrypted, sha256(convert_to('seed-nik-ct-' || r.g, 'UTF8'))),
       '3672' || repeat('•', 8) || lpad((r.g % 10000)::text, 4, '0'),
       sha256(convert_to('seed-phone-' || s.tag || '-' || r.g, 'UTF8')),
       coalesce(b.phone_encrypted, sha256(convert_to('seed-phone-ct-' || r.g, 'UTF8'))),
       '+62812' || repeat('•', 5) || lpad((r.g % 1000)::text, 3, '0'),
       (ARRAY['Ahmad', 'Siti', 'Budi', 'Dewi', 'Agus', 'Nur', 'Rizki', 'Fitri', 'Hendra', 'Yuni', 'Dedi', 'Rina'])[1 + r.g % 12] || ' ' ||
       (ARRAY['Hidayat', 'Rahmawati', 'Santoso', 'Lestari', 'Saputra', 'Wulandari', 'Setiawan', 'Kurniawan', 'Maulana'])[1 + (r.g / 12) % 9],
       s.t0 - make_interval(days => s.days + 30), s.t0 - make_interval(days => s.days + 30)
FROM seed_resident r CROSS JOIN seed_run s LEFT JOIN resident b ON b.id = s.bench_resident
WHERE r.fresh;

-- staff who act in the events: an operator, and a responder per OPD
INSERT INTO staff (id, username, display_name, password_hash, role, opd_code, shift, created_at, updated_at)
SELECT gen_random_uuid(), 'seed.operator.' || s.tag, 'Operator Seed', '!seed: no sign-in', 'OPERATOR', NULL, 'PAGI', s.t0, s.t0
FROM seed_run s;
INSERT INTO staff (id, username, display_name, password_hash, role, opd_code, created_at, updated_at)
SELECT gen_random_uuid(), 'seed.' || lower(o.code) || '.' || s.tag, 'Petugas ' || o.code, '!seed: no sign-in', 'OPD_RESPONDER', o.code, s.t0, s.t0
FROM opd o CROSS JOIN seed_run s WHERE o.active;
CREATE TEMP TABLE seed_staff ON COMMIT DROP AS
SELECT st.id, st.opd_code FROM staff st JOIN seed_run s ON st.username LIKE 'seed.%.' || s.tag;

CREATE TEMP TABLE seed_category ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY sort_order, code) - 1 AS idx, code, default_opd_code, reply_hours, fix_hours, confidential_by_default
FROM category WHERE active;
CREATE TEMP TABLE seed_kelurahan ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY code) - 1 AS idx, code, kecamatan_code, centroid_lat, centroid_lng FROM kelurahan;
CREATE TEMP TABLE seed_opd ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY code) - 1 AS idx, code FROM opd WHERE active;
ANALYZE seed_resident;
ANALYZE seed_category;
ANALYZE seed_kelurahan;
ANALYZE seed_opd;


-- one row per complaint with everything decided; times are hours after filing (h_*), capped by its age so that
-- nothing lies in the future
CREATE TEMP TABLE seed_complaint ON COMMIT DROP AS
WITH slot AS (
    SELECT r.id AS resident_id, (r.first_slot + k)::bigint AS i
    FROM seed_resident r CROSS JOIN LATERAL generate_series(1, r.cnt) AS k
    WHERE r.first_slot + k <= (:n)
), d AS (
    SELECT slot.*, s.t0,
           -- filed evenly over the period (the bench resident's within the last 60 days), at least a minute ago
           s.t0 - interval '1 minute' - CASE WHEN slot.resident_id = s.bench_resident THEN random() * interval '60 days'
                                              ELSE random() * make_interval(days => s.days) END AS created,
           random() AS u_cat, random() AS u_kel, random() AS u_status, random() AS u_opd, random() AS u_reply,
           random() AS u_fix, random() AS u_close, random() AS u_photo, random() AS u_misc, random() AS u_lat, random() AS u_lng,
           -- a permutation of the tracking numbers' space (29^7; 100000007 is prime to it), offset per run
           ((slot.i + s.tn_offset) * 100000007) % 17249876309 AS tn
    FROM slot CROSS JOIN seed_run s
), a AS (
    SELECT d.*, extract(epoch FROM d.t0 - d.created) / 3600.0 AS age_h,
           c.code AS category_code, c.default_opd_code, c.reply_hours, c.fix_hours, c.confidential_by_default,
           k.code AS kelurahan_code, k.kecamatan_code, k.centroid_lat, k.centroid_lng, o.code AS any_opd
    FROM d
    -- the first categories (roads, drainage, lights, rubbish…) are the common ones
    JOIN seed_category c ON c.idx = floor(power(d.u_cat, 1.6) * (SELECT count(*) FROM seed_category))
    JOIN seed_kelurahan k ON k.idx = floor(d.u_kel * (SELECT count(*) FROM seed_kelurahan))
    JOIN seed_opd o ON o.idx = floor(d.u_opd * (SELECT count(*) FROM seed_opd))
), s1 AS (
    SELECT a.*,
           CASE WHEN age_h < 24 THEN
                    CASE WHEN u_status < 0.30 THEN 'SUBMITTED' WHEN u_status < 0.70 THEN 'DISPATCHED'
                         WHEN u_status < 0.90 THEN 'IN_PROGRESS' ELSE 'REJECTED' END
                WHEN age_h < 168 THEN
                    CASE WHEN u_status < 0.10 THEN 'DISPATCHED' WHEN u_status < 0.45 THEN 'IN_PROGRESS'
                         WHEN u_status < 0.70 THEN 'RESOLVED' WHEN u_status < 0.85 THEN 'CLOSED'
                         WHEN u_status < 0.95 THEN 'REJECTED' ELSE 'REOPENED' END
                ELSE
                    CASE WHEN u_status < 0.03 THEN 'DISPATCHED' WHEN u_status < 0.08 THEN 'IN_PROGRESS'
                         WHEN u_status < 0.88 THEN 'CLOSED' WHEN u_status < 0.98 THEN 'REJECTED' ELSE 'REOPENED' END
           END AS status,
           -- the operator's dispatch or rejection: minutes to a few hours
           least(0.1 + u_misc * 4, age_h * 0.2) AS h_triage
    FROM a
), s2 AS (
    SELECT s1.*,
           CASE WHEN status IN ('IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REOPENED')
                -- about three in four answer within the reply clock
                THEN h_triage + least(reply_hours * u_reply * 1.3, (age_h - h_triage) * 0.5) END AS h_reply
    FROM s1
), s3 AS (
    SELECT s2.*,
           CASE WHEN status = 'RESOLVED'
                -- still waiting for the resident: resolved within the last 4 days (after 5 it closes by itself)
                THEN greatest(h_reply + (age_h - h_reply) * 0.1, age_h - 96 * u_fix)
                WHEN status IN ('CLOSED', 'REOPENED')
                THEN h_reply + least(fix_hours * u_fix * 1.25, (age_h - h_reply) * 0.5) END AS h_resolve
    FROM s2
), s4 AS (
    SELECT s3.*,
           status = 'CLOSED' AND u_close >= 0.7 AND age_h - h_resolve > 121 AS auto_closed,
           CASE WHEN status = 'CLOSED' AND u_close >= 0.7 AND age_h - h_resolve > 121 THEN h_resolve + 120
                WHEN status = 'CLOSED' THEN h_resolve + least(1 + u_close * 40, (age_h - h_resolve) * 0.5) END AS h_close,
           CASE WHEN status = 'REOPENED' THEN h_resolve + least(2 + u_close * 48, (age_h - h_resolve) * 0.5) END AS h_dispute,
           status NOT IN ('SUBMITTED', 'REJECTED') AS at_opd,
           h_triage + reply_hours AS h_reply_due,
           h_triage + fix_hours AS h_fix_due
    FROM s3
)
SELECT gen_random_uuid() AS id, i, resident_id, t0, created, age_h, status, category_code, kelurahan_code, kecamatan_code,
       CASE WHEN at_opd THEN CASE WHEN u_opd < 0.1 OR default_opd_code IS NULL THEN any_opd ELSE default_opd_code END END AS opd_code,
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn / 594823321 % 29)::int + 1, 1) ||
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn / 20511149 % 29)::int + 1, 1) ||
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn / 707281 % 29)::int + 1, 1) || '-' ||
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn / 24389 % 29)::int + 1, 1) ||
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn / 841 % 29)::int + 1, 1) ||
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn / 29 % 29)::int + 1, 1) ||
       substr('23456789ABCDEFGHJKMNPQRSTWXYZ', (tn % 29)::int + 1, 1) AS tracking_number,
       centroid_lat + (u_lat - 0.5) * 0.009 AS lat, centroid_lng + (u_lng - 0.5) * 0.009 AS lng,
       confidential_by_default OR u_misc < 0.03 AS confidential,
       u_photo, u_misc, u_close, h_triage, h_reply, h_resolve, h_close, h_dispute, auto_closed,
       CASE WHEN at_opd THEN h_reply_due END AS h_reply_due, CASE WHEN at_opd THEN h_fix_due END AS h_fix_due,
       -- a clock that ran out was marked by the clock job when it did (so that it finds nothing to do at start-up)
       at_opd AND h_reply_due < age_h AND (h_reply IS NULL OR h_reply > h_reply_due) AS reply_breached,
       at_opd AND h_fix_due < age_h AND (h_resolve IS NULL OR h_resolve > h_fix_due OR status = 'REOPENED') AS fix_breached
FROM s4;
ANALYZE seed_complaint;

-- the events, in each complaint's order (seq); ids follow in time order below
CREATE TEMP TABLE seed_event ON COMMIT DROP AS
WITH c AS (
    SELECT c.*, o.id AS operator_id, r.id AS responder_id, opd.name AS opd_name
    FROM seed_complaint c
    CROSS JOIN (SELECT id FROM seed_staff WHERE opd_code IS NULL LIMIT 1) o
    LEFT JOIN seed_staff r ON r.opd_code = c.opd_code
    LEFT JOIN opd ON opd.code = c.opd_code
)
SELECT id AS complaint_id, 1 AS seq, 'SUBMITTED' AS type, 'RESIDENT' AS actor_type, resident_id AS actor_id, created AS at,
       'SUBMITTED' AS status, NULL AS opd_code, true AS visible, jsonb_build_object('trackingNumber', tracking_number) AS payload
FROM c
UNION ALL
SELECT id, 2, 'REJECTED', 'STAFF', operator_id, created + make_interval(secs => h_triage * 3600), 'REJECTED', NULL, true,
       jsonb_build_object('message', 'Pengaduan tidak dapat diproses', 'reason',
                          (ARRAY['SPAM', 'OUTSIDE_CILEGON', 'NOT_CITY_MATTER', 'INCOMPLETE', 'OTHER'])[1 + floor(u_close * 5)::int])
FROM c WHERE status = 'REJECTED'
UNION ALL
SELECT id, 2, 'DISPATCHED', 'STAFF', operator_id, created + make_interval(secs => h_triage * 3600), 'DISPATCHED', opd_code, true,
       jsonb_build_object('message', 'Diteruskan ke ' || opd_name, 'opdCode', opd_code,
                          'replyDueAt', to_char((created + make_interval(secs => h_reply_due * 3600)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                          'fixDueAt', to_char((created + make_interval(secs => h_fix_due * 3600)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
FROM c WHERE opd_code IS NOT NULL
UNION ALL
SELECT id, 3, 'REPLY_OVERDUE', 'SYSTEM', NULL, created + make_interval(secs => h_reply_due * 3600), 'DISPATCHED', opd_code, false,
       jsonb_build_object('dueAt', to_char((created + make_interval(secs => h_reply_due * 3600)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                          'opdCode', opd_code)
FROM c WHERE reply_breached
UNION ALL
SELECT id, 4, 'REPLIED', 'STAFF', responder_id, created + make_interval(secs => h_reply * 3600), 'IN_PROGRESS', opd_code, true,
       jsonb_build_object('message', 'Laporan ' || tracking_number || ' sudah kami terima dan petugas akan meninjau lokasi.',
                          'first', true, 'template', false, 'fingerprint', md5('reply ' || tracking_number))
FROM c WHERE h_reply IS NOT NULL
UNION ALL
SELECT id, 5, 'FIX_OVERDUE', 'SYSTEM', NULL,
       created + make_interval(secs => greatest(h_fix_due, coalesce(h_dispute, 0)) * 3600),
       CASE WHEN h_dispute IS NOT NULL AND h_dispute > h_fix_due THEN 'REOPENED'
            WHEN h_reply IS NOT NULL AND h_reply < h_fix_due THEN 'IN_PROGRESS' ELSE 'DISPATCHED' END, opd_code, false,
       jsonb_build_object('dueAt', to_char((created + make_interval(secs => h_fix_due * 3600)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                          'opdCode', opd_code)
FROM c WHERE fix_breached
UNION ALL
SELECT id, 6, 'RESOLVED', 'STAFF', responder_id, created + make_interval(secs => h_resolve * 3600), 'RESOLVED', opd_code, true,
       jsonb_build_object('message', 'Perbaikan untuk ' || tracking_number || ' sudah selesai dikerjakan, mohon dicek.',
                          'afterPhotos', 1, 'template', false, 'fingerprint', md5('resolve ' || tracking_number))
FROM c WHERE h_resolve IS NOT NULL
UNION ALL
SELECT id, 7, 'CONFIRMED', 'RESIDENT', resident_id, created + make_interval(secs => h_close * 3600), 'CLOSED', opd_code, true,
       jsonb_build_object('rating', 1 + floor(sqrt(u_close) * 5)::int)
FROM c WHERE status = 'CLOSED' AND NOT auto_closed
UNION ALL
SELECT id, 7, 'AUTO_CLOSED', 'SYSTEM', NULL, created + make_interval(secs => h_close * 3600), 'CLOSED', opd_code, true,
       jsonb_build_object('message', 'Ditutup otomatis: tidak ada tanggapan atas penyelesaian')
FROM c WHERE auto_closed
UNION ALL
SELECT id, 7, 'DISPUTED', 'RESIDENT', resident_id, created + make_interval(secs => h_dispute * 3600), 'REOPENED', opd_code, true,
       jsonb_build_object('message', 'Belum selesai, lubangnya masih ada.', 'photos', 0)
FROM c WHERE h_dispute IS NOT NULL;
ANALYZE seed_event;

INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, title, description, lat, lng,
                       kecamatan_code, kelurahan_code, address_text, confidential, status, opd_code, version, created_at, updated_at,
                       dispatched_at, reply_due_at, fix_due_at, first_reply_at, resolved_at, closed_at, reply_overdue_at,
                       fix_overdue_at, reject_reason, rating, reopen_count, auto_closed)
SELECT c.id, c.tracking_number, c.resident_id, 'seed-' || s.tag || '-' || c.i, c.category_code,
       CASE WHEN c.u_photo > 0.7 THEN 'Mohon segera ditangani' END,
       (ARRAY['Jalan berlubang cukup dalam dan membahayakan pengendara motor, terutama malam hari.',
              'Saluran air tersumbat sampah sehingga air meluap ke jalan setiap hujan.',
              'Lampu jalan mati sudah seminggu, daerah ini gelap dan rawan.',
              'Sampah menumpuk di pinggir jalan dan belum diangkut beberapa hari.',
              'Ada pohon besar yang condong ke jalan, dikhawatirkan tumbang.',
              'Parkir liar di bahu jalan membuat macet pada jam sibuk.',
              'Pedagang kaki lima menutup trotoar sehingga pejalan kaki turun ke jalan.',
              'Mohon ditindaklanjuti, kondisi ini sudah lama dibiarkan.'])[1 + (c.i % 8)::int],
       c.lat, c.lng, c.kecamatan_code, c.kelurahan_code,
       CASE WHEN c.u_misc > 0.4 THEN 'Jl. ' || (ARRAY['Ahmad Yani', 'Sudirman', 'Raya Anyer', 'Raya Merak', 'Kyai Haji Wasyid',
                                                      'Lingkar Selatan', 'Temu Putih', 'Sultan Ageng Tirtayasa'])[1 + (c.i % 8)::int]
                                      || ' No. ' || (1 + c.i % 200) END,
       c.confidential, c.status, c.opd_code,
       -- one version per change a person made (the clock's marks do not count)
       (c.h_triage IS NOT NULL AND c.status <> 'SUBMITTED')::int + (c.h_reply IS NOT NULL)::int + (c.h_resolve IS NOT NULL)::int
           + (c.h_close IS NOT NULL OR c.h_dispute IS NOT NULL)::int,
       c.created,
       c.created + make_interval(secs => greatest(0, coalesce(c.h_close, c.h_dispute, c.h_resolve, c.h_reply, c.h_triage * (c.status <> 'SUBMITTED')::int, 0)) * 3600),
       CASE WHEN c.opd_code IS NOT NULL THEN c.created + make_interval(secs => c.h_triage * 3600) END,
       c.created + make_interval(secs => c.h_reply_due * 3600),
       c.created + make_interval(secs => c.h_fix_due * 3600),
       c.created + make_interval(secs => c.h_reply * 3600),
       CASE WHEN c.status IN ('RESOLVED', 'CLOSED') THEN c.created + make_interval(secs => c.h_resolve * 3600) END,
       CASE WHEN c.status IN ('CLOSED', 'REJECTED') THEN c.created + make_interval(secs => coalesce(c.h_close, c.h_triage) * 3600) END,
       CASE WHEN c.reply_breached THEN c.created + make_interval(secs => c.h_reply_due * 3600) END,
       CASE WHEN c.fix_breached THEN c.created + make_interval(secs => greatest(c.h_fix_due, coalesce(c.h_dispute, 0)) * 3600) END,
       CASE WHEN c.status = 'REJECTED' THEN (ARRAY['SPAM', 'OUTSIDE_CILEGON', 'NOT_CITY_MATTER', 'INCOMPLETE', 'OTHER'])[1 + floor(c.u_close * 5)::int] END,
       CASE WHEN c.status = 'CLOSED' AND NOT c.auto_closed THEN 1 + floor(sqrt(c.u_close) * 5)::int END,
       (c.status = 'REOPENED')::int,
       c.auto_closed
FROM seed_complaint c CROSS JOIN seed_run s;

-- photos: rows only (no image in the store)
INSERT INTO photo (id, owner_resident_id, complaint_id, width, height, size_bytes, created_at, kind)
SELECT gen_random_uuid(), c.resident_id, c.id, CASE WHEN k % 2 = 1 THEN 1600 ELSE 1200 END, CASE WHEN k % 2 = 1 THEN 1200 ELSE 1600 END,
       250000 + (c.i * 7919 % 350000)::int, c.created - make_interval(secs => 60 - k), 'EVIDENCE'
FROM seed_complaint c CROSS JOIN LATERAL generate_series(1, 1 + floor(c.u_photo / 0.2)::int) AS k
WHERE c.u_photo < 0.6;
INSERT INTO photo (id, owner_staff_id, complaint_id, width, height, size_bytes, created_at, kind)
SELECT gen_random_uuid(), st.id, c.id, 1600, 1200, 300000 + (c.i * 104729 % 300000)::int,
       c.created + make_interval(secs => c.h_resolve * 3600), 'AFTER'
FROM seed_complaint c JOIN seed_staff st ON st.opd_code = c.opd_code
WHERE c.h_resolve IS NOT NULL;

-- the event log: ids after the last one, in time order, the counter moved past them; the id and NOTIFY triggers
-- and the summary's are off meanwhile (this transaction holds the counter's row lock, so no one else writes events)
SELECT last_id AS seed_base FROM event_counter FOR UPDATE \gset
ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_id;
ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_notify;
ALTER TABLE complaint_event DISABLE TRIGGER opd_assignment_apply;
INSERT INTO complaint_event (id, complaint_id, type, actor_type, actor_id, occurred_at, status, resident_id, opd_code,
                             kecamatan_code, category_code, visible_to_resident, payload)
SELECT :seed_base + row_number() OVER (ORDER BY e.at, e.complaint_id, e.seq), e.complaint_id, e.type, e.actor_type, e.actor_id,
       e.at, e.status, c.resident_id, e.opd_code, c.kecamatan_code, c.category_code, e.visible, e.payload
FROM seed_event e JOIN seed_complaint c ON c.id = e.complaint_id;
UPDATE event_counter SET last_id = last_id + (SELECT count(*) FROM seed_event);
ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_id;
ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_notify;
ALTER TABLE complaint_event ENABLE TRIGGER opd_assignment_apply;

-- the ranking's summary, from the whole log, with the threshold it was built with
SELECT opd_assignment_fill(min_reply_characters) FROM ranking_setting;

-- Summaries kept by the application (not by a trigger on complaint or complaint_event) are rebuilt here.

SELECT count(*) AS residents_added FROM seed_resident WHERE fresh;
SELECT status, count(*) FROM seed_complaint GROUP BY status ORDER BY status;
SELECT count(*) AS events_added FROM seed_event;
COMMIT;

ANALYZE resident;
ANALYZE complaint;
ANALYZE complaint_event;
ANALYZE photo;
ANALYZE opd_assignment;
