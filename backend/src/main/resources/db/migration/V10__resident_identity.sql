-- An identity that belongs to its owner (ADR 0010): a NIK's account stays bound to the number that proved it; a
-- number changes only through its own procedure, logged as resident events; code requests are counted atomically.

-- Where a sign-in code went: the registered number for a registered NIK, the typed one otherwise. The challenge
-- remembers the resident it was sent for (null: a new registration) so a number changed meanwhile is not trusted.
ALTER TABLE otp_challenge ADD COLUMN resident_id uuid REFERENCES resident (id);

-- Fixed-window counters of code requests, one row per counted key (a keyed hash of NIK and phone pair, destination
-- number, NIK, client address). INSERT … ON CONFLICT DO UPDATE … RETURNING takes the row lock, so parallel requests
-- see consecutive counts and at most the limit get through.
CREATE TABLE rate_counter (
    key          text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    count        integer     NOT NULL
);
CREATE INDEX rate_counter_window ON rate_counter (window_start);

-- A change of a resident's WhatsApp number. WITH_OLD_NUMBER: codes to the old and the new number, both proven, done
-- at once. KTP_AT_OFFICE / KTP_PHOTO: the old number is lost; the new one proven, an operator checks the KTP.
-- resident_id is null when the NIK has no account (kept so that the answers look the same; never queued).
CREATE TABLE phone_change (
    id                  uuid PRIMARY KEY,
    resident_id         uuid REFERENCES resident (id),
    method              text        NOT NULL CHECK (method IN ('WITH_OLD_NUMBER', 'KTP_AT_OFFICE', 'KTP_PHOTO')),
    status              text        NOT NULL CHECK (status IN ('PROVING', 'PENDING', 'APPROVED', 'REJECTED', 'DONE')),
    old_phone_hash      bytea,
    new_phone_hash      bytea       NOT NULL,
    new_phone_encrypted bytea       NOT NULL,
    new_phone_masked    text        NOT NULL,
    old_code_hash       bytea,
    new_code_hash       bytea       NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    expires_at          timestamptz NOT NULL,
    upload_secret_hash  bytea,
    ktp_photo_id        uuid,
    reason              text,
    decided_by          uuid,
    decided_at          timestamptz,
    created_at          timestamptz NOT NULL
);
-- the operators' queue: pending requests, oldest first
CREATE INDEX phone_change_pending ON phone_change (created_at, id) WHERE status = 'PENDING' AND resident_id IS NOT NULL;
CREATE INDEX phone_change_ktp_photo ON phone_change (ktp_photo_id) WHERE ktp_photo_id IS NOT NULL;

-- What happened to a resident's account, append-only: who did it and when, never a plaintext NIK or number.
CREATE TABLE resident_event (
    id              bigserial PRIMARY KEY,
    resident_id     uuid        NOT NULL REFERENCES resident (id),
    type            text        NOT NULL,
    actor_type      text        NOT NULL CHECK (actor_type IN ('RESIDENT', 'APPLICANT', 'STAFF', 'SYSTEM')),
    actor_id        uuid,
    phone_change_id uuid REFERENCES phone_change (id),
    detail          text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX resident_event_resident ON resident_event (resident_id, id);

CREATE FUNCTION resident_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'resident_event is append-only';
END $$;
CREATE TRIGGER resident_event_append_only BEFORE UPDATE OR DELETE ON resident_event
    FOR EACH ROW EXECUTE FUNCTION resident_event_append_only();
