-- The map summary's four read indexes hold compacted rows only. Every new complaint appends six delta rows (three
-- zooms, with and without OPD, kecamatan and category), and each delta entered two of these indexes: ~0.15 ms of
-- PostgreSQL's ~0.9 ms per submit (docs/benchmarks/writes.md). The fold (complaint_map_tally_compact, every
-- juare.counts.compact-every) enters them once per cell it touches. MapSummaryPlan reads the few rows not yet folded
-- by complaint_map_tally_deltas.
DROP INDEX complaint_map_tally_rows;
DROP INDEX complaint_map_tally_columns;
DROP INDEX complaint_map_tally_detail_rows;
DROP INDEX complaint_map_tally_detail_columns;
CREATE INDEX complaint_map_tally_rows ON complaint_map_tally (zoom, row_index, column_index)
    WHERE compacted AND kecamatan_code IS NULL;
CREATE INDEX complaint_map_tally_columns ON complaint_map_tally (zoom, column_index, row_index)
    WHERE compacted AND kecamatan_code IS NULL;
CREATE INDEX complaint_map_tally_detail_rows ON complaint_map_tally (zoom, row_index, column_index)
    WHERE compacted AND kecamatan_code IS NOT NULL;
CREATE INDEX complaint_map_tally_detail_columns ON complaint_map_tally (zoom, column_index, row_index)
    WHERE compacted AND kecamatan_code IS NOT NULL;
