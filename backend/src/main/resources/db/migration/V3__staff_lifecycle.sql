-- Staff accounts, the complaint lifecycle's clocks and outcomes, after-photos, and the notification outbox.

CREATE TABLE staff (
    id              uuid PRIMARY KEY,
    username        text        NOT NULL UNIQUE,
    display_name    text        NOT NULL,
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('OPERATOR', 'OPD_RESPONDER', 'OPD_HEAD', 'MAYOR', 'ADMIN')),
    opd_code        text REFERENCES opd (code),
    phone_encrypted bytea,
    phone_masked    text,
    shift           text CHECK (shift IN ('PAGI', 'SIANG', 'MALAM')),
    active          boolean     NOT NULL DEFAULT true,
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    version         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    -- OPD roles belong to exactly one OPD; other roles to none
    CONSTRAINT staff_opd_role CHECK ((role IN ('OPD_RESPONDER', 'OPD_HEAD')) = (opd_code IS NOT NULL))
);
CREATE INDEX staff_opd_role ON staff (opd_code, role) WHERE active;

ALTER TABLE complaint
    ADD COLUMN dispatched_at         timestamptz,
    ADD COLUMN reply_due_at          timestamptz,
    ADD COLUMN fix_due_at            timestamptz,
    ADD COLUMN first_reply_at        timestamptz,
    ADD COLUMN resolved_at           timestamptz,
    ADD COLUMN closed_at             timestamptz,
    ADD COLUMN reply_overdue_at      timestamptz,
    ADD COLUMN fix_overdue_at        timestamptz,
    ADD COLUMN transfer_requested_at timestamptz,
    ADD COLUMN transfer_reason       text,
    ADD COLUMN reject_reason         text,
    ADD COLUMN duplicate_of          uuid REFERENCES complaint (id),
    ADD COLUMN rating                smallint CHECK (rating BETWEEN 1 AND 5),
    ADD COLUMN resident_comment      text,
    ADD COLUMN reopen_count          integer NOT NULL DEFAULT 0,
    ADD COLUMN auto_closed           boolean NOT NULL DEFAULT false;

-- an OPD's queue: what falls due first
CREATE INDEX complaint_opd_queue ON complaint (opd_code, fix_due_at, id)
    WHERE status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');
-- the clock job: replies and fixes about to breach, each found once
CREATE INDEX complaint_reply_clock ON complaint (reply_due_at)
    WHERE first_reply_at IS NULL AND reply_overdue_at IS NULL AND status IN ('DISPATCHED', 'REOPENED');
CREATE INDEX complaint_fix_clock ON complaint (fix_due_at)
    WHERE fix_overdue_at IS NULL AND status IN ('DISPATCHED', 'IN_PROGRESS', 'REOPENED');
-- auto-close of resolutions the resident left unanswered
CREATE INDEX complaint_resolved_waiting ON complaint (resolved_at) WHERE status = 'RESOLVED';
-- the operators' queue of complaints an OPD handed back
CREATE INDEX complaint_transfer_queue ON complaint (transfer_requested_at, id) WHERE transfer_requested_at IS NOT NULL;
-- map boxes and possible duplicates nearby
CREATE INDEX complaint_location ON complaint (lat, lng);
CREATE INDEX complaint_open_by_category ON complaint (category_code, lat, lng) WHERE status NOT IN ('CLOSED', 'REJECTED');

ALTER TABLE photo
    ADD COLUMN owner_staff_id uuid REFERENCES staff (id),
    ADD COLUMN kind           text NOT NULL DEFAULT 'EVIDENCE' CHECK (kind IN ('EVIDENCE', 'AFTER', 'DISPUTE'));

-- staff subscriptions resume by OPD
CREATE INDEX complaint_event_opd ON complaint_event (opd_code, id);

-- Messages to send (WhatsApp), written in the transaction of the change they tell about and sent afterwards by
-- whichever instance picks them up first (FOR UPDATE SKIP LOCKED); a failed send is retried with backoff.
CREATE TABLE notification_outbox (
    id              bigserial PRIMARY KEY,
    phone_encrypted bytea       NOT NULL,
    phone_masked    text        NOT NULL,
    body            text        NOT NULL,
    kind            text        NOT NULL,
    complaint_id    uuid REFERENCES complaint (id),
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    sent_at         timestamptz,
    last_error      text
);
CREATE INDEX notification_outbox_pending ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL;
