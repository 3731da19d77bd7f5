-- Juare schema. Instants are timestamptz (UTC); the city shows them in WIB.

-- Reference data: codes are Kemendagri's (kecamatan 36.72.01, kelurahan 36.72.01.1001) and our OPD/category codes.
CREATE TABLE city (
    code     text PRIMARY KEY,
    name     text  NOT NULL,
    boundary jsonb NOT NULL
);

CREATE TABLE kecamatan (
    code         text PRIMARY KEY,
    name         text             NOT NULL,
    centroid_lat double precision NOT NULL,
    centroid_lng double precision NOT NULL,
    boundary     jsonb            NOT NULL
);

CREATE TABLE kelurahan (
    code           text PRIMARY KEY,
    kecamatan_code text             NOT NULL REFERENCES kecamatan (code),
    name           text             NOT NULL,
    centroid_lat   double precision NOT NULL,
    centroid_lng   double precision NOT NULL,
    boundary       jsonb            NOT NULL
);

CREATE TABLE opd (
    code   text PRIMARY KEY,
    name   text    NOT NULL,
    kind   text    NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE category (
    code                    text PRIMARY KEY,
    name_id                 text    NOT NULL,
    name_en                 text    NOT NULL,
    default_opd_code        text REFERENCES opd (code),
    reply_hours             integer NOT NULL CHECK (reply_hours > 0),
    fix_hours               integer NOT NULL CHECK (fix_hours > 0),
    confidential_by_default boolean NOT NULL DEFAULT false,
    active                  boolean NOT NULL DEFAULT true,
    sort_order              integer NOT NULL DEFAULT 0
);

-- Residents. NIK and phone are personal data: AES-GCM ciphertext plus a keyed hash (HMAC) for lookup.
CREATE TABLE resident (
    id              uuid PRIMARY KEY,
    nik_hash        bytea       NOT NULL UNIQUE,
    nik_encrypted   bytea       NOT NULL,
    nik_masked      text        NOT NULL,
    phone_hash      bytea       NOT NULL,
    phone_encrypted bytea       NOT NULL,
    phone_masked    text        NOT NULL,
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX resident_phone_hash ON resident (phone_hash);

CREATE TABLE otp_challenge (
    id              uuid PRIMARY KEY,
    nik_hash        bytea       NOT NULL,
    nik_encrypted   bytea       NOT NULL,
    phone_hash      bytea       NOT NULL,
    phone_encrypted bytea       NOT NULL,
    client_hash     bytea       NOT NULL,
    code_hash       bytea       NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    consumed_at     timestamptz
);
-- rate limits count recent challenges per phone, per NIK and per client address
CREATE INDEX otp_challenge_phone ON otp_challenge (phone_hash, created_at);
CREATE INDEX otp_challenge_nik ON otp_challenge (nik_hash, created_at);
CREATE INDEX otp_challenge_client ON otp_challenge (client_hash, created_at);

CREATE TABLE refresh_token (
    token_hash   bytea PRIMARY KEY,
    subject_type text        NOT NULL,
    subject_id   uuid        NOT NULL,
    issued_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX refresh_token_subject ON refresh_token (subject_type, subject_id);

-- Complaints.
CREATE TABLE complaint (
    id                uuid PRIMARY KEY,
    tracking_number   text             NOT NULL UNIQUE,
    resident_id       uuid             NOT NULL REFERENCES resident (id),
    client_request_id text             NOT NULL,
    category_code     text             NOT NULL REFERENCES category (code),
    title             text,
    description       text             NOT NULL,
    lat               double precision NOT NULL,
    lng               double precision NOT NULL,
    kecamatan_code    text             NOT NULL REFERENCES kecamatan (code),
    kelurahan_code    text             NOT NULL REFERENCES kelurahan (code),
    address_text      text,
    confidential      boolean          NOT NULL,
    status            text             NOT NULL CHECK (status IN
        ('SUBMITTED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED', 'REOPENED')),
    opd_code          text REFERENCES opd (code),
    version           integer          NOT NULL DEFAULT 0,
    created_at        timestamptz      NOT NULL,
    updated_at        timestamptz      NOT NULL,
    -- a retried submission (same client request id) finds the first one
    CONSTRAINT complaint_client_request UNIQUE (resident_id, client_request_id)
);
-- the resident's list, newest first (keyset on created_at, id)
CREATE INDEX complaint_resident_created ON complaint (resident_id, created_at DESC, id DESC);
-- the operators' intake queue, oldest first
CREATE INDEX complaint_status_created ON complaint (status, created_at, id);

CREATE TABLE photo (
    id                uuid PRIMARY KEY,
    owner_resident_id uuid REFERENCES resident (id),
    complaint_id      uuid REFERENCES complaint (id),
    width             integer     NOT NULL,
    height            integer     NOT NULL,
    size_bytes        integer     NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX photo_complaint ON photo (complaint_id, created_at);
CREATE INDEX photo_owner ON photo (owner_resident_id, created_at);

-- The event log: append-only, ids gap-free and in commit order. The BEFORE INSERT trigger takes the next
-- id from a one-row counter; its row lock is held until commit, so an id is never seen before a smaller one.
CREATE TABLE event_counter (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_id   bigint NOT NULL
);
INSERT INTO event_counter (singleton, last_id) VALUES (true, 0);

CREATE TABLE complaint_event (
    id                  bigint PRIMARY KEY,
    complaint_id        uuid        NOT NULL REFERENCES complaint (id),
    type                text        NOT NULL,
    actor_type          text        NOT NULL CHECK (actor_type IN ('RESIDENT', 'STAFF', 'SYSTEM')),
    actor_id            uuid,
    occurred_at         timestamptz NOT NULL,
    status              text        NOT NULL,
    -- copied from the complaint so that subscriptions filter without a join
    resident_id         uuid        NOT NULL,
    opd_code            text,
    kecamatan_code      text        NOT NULL,
    category_code       text        NOT NULL,
    visible_to_resident boolean     NOT NULL,
    payload             jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX complaint_event_complaint ON complaint_event (complaint_id, id);
CREATE INDEX complaint_event_resident ON complaint_event (resident_id, id);

CREATE FUNCTION complaint_event_next_id() RETURNS trigger AS $$
BEGIN
    UPDATE event_counter SET last_id = last_id + 1 RETURNING last_id INTO NEW.id;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER complaint_event_id BEFORE INSERT ON complaint_event
    FOR EACH ROW EXECUTE FUNCTION complaint_event_next_id();

-- NOTIFY is delivered on commit only, so a listener never sees a rolled-back event.
CREATE FUNCTION complaint_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('juare_events', NEW.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER complaint_event_notify AFTER INSERT ON complaint_event
    FOR EACH ROW EXECUTE FUNCTION complaint_event_notify();

CREATE FUNCTION complaint_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'complaint_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER complaint_event_no_change BEFORE UPDATE OR DELETE ON complaint_event
    FOR EACH ROW EXECUTE FUNCTION complaint_event_append_only();
