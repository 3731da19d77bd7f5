-- Open311 GET requests for an OPD's staff: its complaints newest first within a date window (issue 14, ADR 0033).
CREATE INDEX complaint_opd_created ON complaint (opd_code, created_at DESC, id DESC);
