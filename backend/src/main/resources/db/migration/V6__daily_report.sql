-- The mayor's daily report (issue 5): one row per reported WIB day, replaced when an admin makes it again. The content
-- is the figures as of the cut-off (jsonb), its SHA-256 and the files made from it; docs/report.md.
CREATE TABLE daily_report (
    id           uuid PRIMARY KEY,
    day          date        NOT NULL UNIQUE,
    as_of        timestamptz NOT NULL,
    generated_at timestamptz NOT NULL,
    trigger      text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'REGENERATED')),
    generated_by text,
    content      jsonb       NOT NULL,
    content_hash text        NOT NULL,
    pdf          bytea       NOT NULL,
    csv          bytea       NOT NULL
);

-- A WhatsApp message may carry a document (the report's PDF): uploaded as media, then sent with the body as caption.
ALTER TABLE notification_outbox
    ADD COLUMN document          bytea,
    ADD COLUMN document_filename text,
    ADD COLUMN document_mime     text,
    ADD CONSTRAINT notification_outbox_document CHECK ((document IS NULL) = (document_filename IS NULL)
        AND (document IS NULL) = (document_mime IS NULL));
