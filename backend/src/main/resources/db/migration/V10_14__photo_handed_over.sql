-- A photo handed over to another record than a complaint (a KTP photo of a phone change, ADR 0010): no owner any
-- more, kept by that record, never removed as an unattached upload (ADR 0012).
ALTER TABLE photo ADD COLUMN handed_over boolean NOT NULL DEFAULT false;
