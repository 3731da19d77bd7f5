-- The map with every status, flat as the history grows (issue 15, ADR 0044): the complaints per map grid cell and
-- (status, OPD, kecamatan, category), with their count and the sums the map needs (latitude and longitude for a
-- cluster's mean, the id's two halves so that a cell of exactly one complaint names it), kept in the transaction of
-- every change the way complaintCounts' summaries are (ADR 0037): statement triggers append signed deltas, never
-- update a shared row; complaint_map_tally_compact (called with complaint_tally_compact) folds them.
--
-- Three levels of the map's grid (MapGrid: cellSize(z) = 90 / 2^z degrees, cells aligned to multiples of their size,
-- so a cell of zoom 13 is exactly 8 × 8 cells of zoom 16): zoom 13 (about 1.2 km) for the inside of a big box, zoom 16
-- (about 150 m) and 19 (about 19 m) for the rim between it and the box's edge. The cell of a point is floor(coordinate / cell size) in
-- float8, the same expression as the map's query, so a point's cell at every level nests exactly.
-- Each cell and status also has a row over every OPD, kecamatan and category (those three NULL; kecamatan_code IS NULL
-- marks it, a complaint always has one): what the map reads without such a filter, a few rows per cell.
-- Sums are numeric: exact, so deltas cancel to zero and a mean is the same whatever the order of changes.

CREATE TABLE complaint_map_tally (
    zoom           smallint NOT NULL,
    column_index   bigint   NOT NULL,
    row_index      bigint   NOT NULL,
    status         text     NOT NULL,
    opd_code       text,
    kecamatan_code text,
    category_code  text,
    n              integer  NOT NULL,
    sum_lat        numeric  NOT NULL,
    sum_lng        numeric  NOT NULL,
    sum_id_high    numeric  NOT NULL,
    sum_id_low     numeric  NOT NULL,
    compacted      boolean  NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX complaint_map_tally_key ON complaint_map_tally
    (zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code) NULLS NOT DISTINCT WHERE compacted;
-- a band of rows and a band of columns (the box's inside, and its left and right strips), for the rows over every
-- OPD, kecamatan and category and for the detailed ones
CREATE INDEX complaint_map_tally_rows ON complaint_map_tally (zoom, row_index, column_index) WHERE kecamatan_code IS NULL;
CREATE INDEX complaint_map_tally_columns ON complaint_map_tally (zoom, column_index, row_index) WHERE kecamatan_code IS NULL;
CREATE INDEX complaint_map_tally_detail_rows ON complaint_map_tally (zoom, row_index, column_index)
    WHERE kecamatan_code IS NOT NULL;
CREATE INDEX complaint_map_tally_detail_columns ON complaint_map_tally (zoom, column_index, row_index)
    WHERE kecamatan_code IS NOT NULL;
CREATE INDEX complaint_map_tally_deltas ON complaint_map_tally (zoom) WHERE NOT compacted;
CREATE INDEX complaint_map_tally_empty ON complaint_map_tally (zoom) WHERE compacted AND n = 0;

-- the strips at a big box's left and right edges, read from the complaint rows (complaint_location leads by latitude)
CREATE INDEX complaint_location_by_lng ON complaint (lng, lat);

-- The id's first and last 64 bits as signed integers: their sums over a cell of one complaint give its id back.
CREATE FUNCTION uuid_high(p_id uuid) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('x' || substr(translate(p_id::text, '-', ''), 1, 16))::bit(64)::bigint $$;
CREATE FUNCTION uuid_low(p_id uuid) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('x' || substr(translate(p_id::text, '-', ''), 17, 16))::bit(64)::bigint $$;

-- The levels and their cell sizes (90 / 2^zoom degrees, exact in float8).
CREATE FUNCTION complaint_map_levels() RETURNS TABLE (zoom smallint, cell float8)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ VALUES (13::smallint, 0.010986328125::float8), (16::smallint, 0.001373291015625::float8),
           (19::smallint, 0.000171661376953125::float8) $$;

CREATE FUNCTION complaint_map_tally_apply() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_map_tally (zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
                                         n, sum_lat, sum_lng, sum_id_high, sum_id_low)
        SELECT zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
               count(*), sum(lat::numeric), sum(lng::numeric), sum(uuid_high(id)), sum(uuid_low(id))
        FROM (SELECT lv.zoom, floor(r.lng / lv.cell)::bigint AS column_index, floor(r.lat / lv.cell)::bigint AS row_index,
                     r.status, r.opd_code, r.kecamatan_code, r.category_code, r.lat, r.lng, r.id
              FROM new_rows r CROSS JOIN complaint_map_levels() lv) k
        GROUP BY GROUPING SETS ((zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code),
                                (zoom, column_index, row_index, status));
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO complaint_map_tally (zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
                                         n, sum_lat, sum_lng, sum_id_high, sum_id_low)
        SELECT zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
               -count(*), -sum(lat::numeric), -sum(lng::numeric), -sum(uuid_high(id)), -sum(uuid_low(id))
        FROM (SELECT lv.zoom, floor(r.lng / lv.cell)::bigint AS column_index, floor(r.lat / lv.cell)::bigint AS row_index,
                     r.status, r.opd_code, r.kecamatan_code, r.category_code, r.lat, r.lng, r.id
              FROM old_rows r CROSS JOIN complaint_map_levels() lv) k
        GROUP BY GROUPING SETS ((zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code),
                                (zoom, column_index, row_index, status));
    ELSE
        -- only the rows whose map key or place changed (an update never changes a complaint's id)
        INSERT INTO complaint_map_tally (zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
                                         n, sum_lat, sum_lng, sum_id_high, sum_id_low)
        SELECT zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
               sum(sign), sum(sign * lat::numeric), sum(sign * lng::numeric),
               sum(sign * uuid_high(id)::numeric), sum(sign * uuid_low(id)::numeric)
        FROM (SELECT s.sign, lv.zoom, floor(s.lng / lv.cell)::bigint AS column_index,
                     floor(s.lat / lv.cell)::bigint AS row_index, s.status, s.opd_code, s.kecamatan_code,
                     s.category_code, s.lat, s.lng, s.id
              FROM old_rows o
              JOIN new_rows w ON w.id = o.id
              CROSS JOIN LATERAL (VALUES (-1, o.id, o.status, o.opd_code, o.kecamatan_code, o.category_code, o.lat, o.lng),
                                         (1, w.id, w.status, w.opd_code, w.kecamatan_code, w.category_code, w.lat, w.lng))
                  AS s(sign, id, status, opd_code, kecamatan_code, category_code, lat, lng)
              CROSS JOIN complaint_map_levels() lv
              WHERE (o.status, o.opd_code, o.kecamatan_code, o.category_code, o.lat, o.lng)
                    IS DISTINCT FROM (w.status, w.opd_code, w.kecamatan_code, w.category_code, w.lat, w.lng)) k
        GROUP BY GROUPING SETS ((zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code),
                                (zoom, column_index, row_index, status))
        HAVING sum(sign) <> 0 OR sum(sign * lat::numeric) <> 0 OR sum(sign * lng::numeric) <> 0
            OR sum(sign * uuid_high(id)::numeric) <> 0 OR sum(sign * uuid_low(id)::numeric) <> 0;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER complaint_map_tally_insert AFTER INSERT ON complaint
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_map_tally_apply();
CREATE TRIGGER complaint_map_tally_update AFTER UPDATE ON complaint
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_map_tally_apply();
CREATE TRIGGER complaint_map_tally_delete AFTER DELETE ON complaint
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_map_tally_apply();

-- Folds the deltas into one row per key, in one snapshot (a reader sees the deltas or their sum); one caller at a
-- time (the others return -1 at once). Returns the number of delta rows folded.
CREATE FUNCTION complaint_map_tally_compact() RETURNS integer AS $$
DECLARE
    folded integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('complaint_map_tally_compact')) THEN
        RETURN -1;
    END IF;
    WITH gone AS (
        DELETE FROM complaint_map_tally WHERE NOT compacted
        RETURNING zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
                  n, sum_lat, sum_lng, sum_id_high, sum_id_low
    ), summed AS (
        SELECT zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
               sum(n) AS n, sum(sum_lat) AS sum_lat, sum(sum_lng) AS sum_lng, sum(sum_id_high) AS sum_id_high,
               sum(sum_id_low) AS sum_id_low, count(*) AS deltas
        FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7
    ), merged AS (
        INSERT INTO complaint_map_tally AS t (zoom, column_index, row_index, status, opd_code, kecamatan_code,
                                              category_code, n, sum_lat, sum_lng, sum_id_high, sum_id_low, compacted)
        SELECT zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
               n, sum_lat, sum_lng, sum_id_high, sum_id_low, true
        FROM summed
        ON CONFLICT (zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code) WHERE compacted
            DO UPDATE SET n = t.n + excluded.n, sum_lat = t.sum_lat + excluded.sum_lat,
                          sum_lng = t.sum_lng + excluded.sum_lng, sum_id_high = t.sum_id_high + excluded.sum_id_high,
                          sum_id_low = t.sum_id_low + excluded.sum_id_low
    )
    SELECT coalesce(sum(deltas), 0) INTO folded FROM summed;
    -- a key without complaints has every sum at exactly 0 (numeric)
    DELETE FROM complaint_map_tally WHERE compacted AND n = 0;
    RETURN folded;
END;
$$ LANGUAGE plpgsql;

-- the existing complaints
INSERT INTO complaint_map_tally (zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
                                 n, sum_lat, sum_lng, sum_id_high, sum_id_low, compacted)
SELECT zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code,
       count(*), sum(lat::numeric), sum(lng::numeric), sum(uuid_high(id)), sum(uuid_low(id)), true
FROM (SELECT lv.zoom, floor(r.lng / lv.cell)::bigint AS column_index, floor(r.lat / lv.cell)::bigint AS row_index,
             r.status, r.opd_code, r.kecamatan_code, r.category_code, r.lat, r.lng, r.id
      FROM complaint r CROSS JOIN complaint_map_levels() lv) k
GROUP BY GROUPING SETS ((zoom, column_index, row_index, status, opd_code, kecamatan_code, category_code),
                        (zoom, column_index, row_index, status));
