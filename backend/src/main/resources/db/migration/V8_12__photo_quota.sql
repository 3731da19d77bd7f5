-- Photo uploads per owner in the current hour (juare.photo.max-per-hour), counted atomically before decoding: the
-- window starts with the first upload and restarts with the first upload after it has passed.
CREATE TABLE photo_upload_quota (
    owner_id     uuid PRIMARY KEY,
    window_start timestamptz NOT NULL,
    uploads      integer     NOT NULL
);

-- the clean-up of photos never attached to a complaint, oldest first
CREATE INDEX photo_unattached ON photo (created_at) WHERE complaint_id IS NULL;
