-- Reads that stay flat as the finished complaints pile up (issue 15, ADR 0041, docs/benchmarks/flat.md). What is not
-- finished stays about as many as a city files in a few weeks; what is finished grows without end. This index holds
-- only what is not finished, so its size follows the backlog, not the history.

-- The complaints behind a counter (open, overdue, an OPD's open ones), oldest filed first: the list's keyset on
-- (created_at, id). Without it the first page walked complaint_created from the oldest complaint ever filed and
-- threw away the finished ones (at 1,000,000 complaints, 668,000 pages for the overdue list).
CREATE INDEX complaint_open_created ON complaint (created_at, id) WHERE status NOT IN ('CLOSED', 'REJECTED');
