package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.support.RandomPicks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.overview.Seed;
import id.go.cilegon.juare.overview.internal.ComplaintMapRepository.Cell;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import id.go.cilegon.juare.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map from its summary (complaint_map_tally, V15_20, ADR 0044) answers what the map from the complaint rows
 * answers: the same cells, counts, per-status counts, total and markers, means within 1e-9 degrees. Property-style:
 * random complaints (some exactly on summary cell borders, some exactly on a box's edge) inserted one and many a
 * statement, their status, OPD (a reroute), category, kecamatan and place changed one and many at once, deleted,
 * folded now and then; random boxes (cut through cells, edges on cell borders) at random zooms; random scopes
 * (everything, one OPD's staff) and filters (OPDs, kecamatan, categories, statuses). Over the whole shared database.
 */
class ComplaintMapSummaryTest extends IntegrationTest {

    private static final List<String> STATUSES = Arrays.stream(ComplaintStatus.values()).map(ComplaintStatus::name).toList();
    private static final double COARSE = MapGrid.cellSize(MapSummaryPlan.ZOOMS.get(0));
    private static final double FINE = MapGrid.cellSize(MapSummaryPlan.ZOOMS.get(1));
    private static final double FINEST = MapGrid.cellSize(MapSummaryPlan.ZOOMS.get(2));

    @Autowired ComplaintMapRepository map;
    @Autowired ComplaintTallyCompaction compaction;
    @Autowired PersonalDataCipher cipher;

    private final Random random = new Random(20261207L);
    private List<String[]> places;
    private List<String> categories;
    private List<String> opds;
    private UUID resident;
    /** this run's spot, away from the other tests' complaints: a corner of a coarse cell */
    private double baseLat;
    private double baseLng;
    private int compared;

    @Test
    void theSummaryAnswersWhatTheComplaintRowsAnswer() {
        resident = Seed.with(db, cipher).residentId();
        places = db.sql("SELECT kecamatan_code, code FROM kelurahan ORDER BY code")
                .map(row -> new String[] {row.get(0, String.class), row.get(1, String.class)}).all().collectList().block();
        categories = db.sql("SELECT code FROM category ORDER BY code").map(row -> row.get(0, String.class)).all()
                .collectList().block();
        opds = db.sql("SELECT code FROM opd ORDER BY code").map(row -> row.get(0, String.class)).all().collectList().block();
        baseLat = Math.floor((10 + random.nextDouble(5)) / COARSE) * COARSE;
        baseLng = Math.floor((-60 + random.nextDouble(10)) / COARSE) * COARSE;

        List<UUID> mine = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            mine.addAll(insert(60));
            for (int i = 0; i < 5; i++) {
                mine.addAll(insert(1));
            }
            mutate(mine);
            if (round % 2 == 1) {
                compaction.compact().block();
            }
            compareRandomBoxes(30);
        }
        compaction.compact().block();
        compareRandomBoxes(40);
        assertThat(count("SELECT count(*) FROM complaint_map_tally WHERE NOT compacted")).isZero();
        // the summary answered most of them (not a box too small for a fine cell or a grid too fine)
        assertThat(compared).isGreaterThan(150);
    }

    @AfterEach
    void removeTheRandomComplaints() {
        db.sql("DELETE FROM complaint WHERE tracking_number LIKE 'MAP-%'").then().block();
        compaction.compact().block();
    }

    private void compareRandomBoxes(int times) {
        for (int i = 0; i < times; i++) {
            BoundingBox box = randomBox();
            int zoom = 6 + random.nextInt(12);
            MapGrid grid = MapGrid.of(box, zoom);
            Caller caller = random.nextInt(3) == 0
                    ? new Caller(Caller.Kind.STAFF, UUID.randomUUID(), Set.of("OPD_RESPONDER"), pick(opds))
                    : new Caller(Caller.Kind.STAFF, UUID.randomUUID(), Set.of("OPERATOR"), null);
            ComplaintScope scope = ComplaintScope.of(caller, randomFilter(), Instant.now());
            MapSummaryPlan plan = MapSummaryPlan.of(grid, box, scope);
            if (plan == null) {
                continue;
            }
            compared++;
            Map<String, Cell> expected = cells(map.cellsFromComplaints(grid, box, scope).collectList().block());
            Map<String, Cell> actual = cells(map.cellsFromSummary(grid, box, scope, plan).collectList().block());
            for (int retry = 0; retry < 3 && !same(expected, actual); retry++) {
                // a background job (auto-close) may have changed a complaint in between
                expected = cells(map.cellsFromComplaints(grid, box, scope).collectList().block());
                actual = cells(map.cellsFromSummary(grid, box, scope, plan).collectList().block());
            }
            String what = "%s zoom %d (grid %d) %s".formatted(box, zoom, grid.zoom(), scope);
            assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
            for (Map.Entry<String, Cell> entry : expected.entrySet()) {
                Cell e = entry.getValue();
                Cell a = actual.get(entry.getKey());
                assertThat(a.count()).as(what).isEqualTo(e.count());
                assertThat(a.byStatus()).as(what).isEqualTo(e.byStatus());
                assertThat(a.inBox()).as(what).isEqualTo(e.inBox());
                assertThat(a.marker()).as(what).isEqualTo(e.marker());
                assertThat(a.meanLat()).as(what).isCloseTo(e.meanLat(), within(1e-9));
                assertThat(a.meanLng()).as(what).isCloseTo(e.meanLng(), within(1e-9));
            }
        }
    }

    private static boolean same(Map<String, Cell> expected, Map<String, Cell> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            return false;
        }
        for (Map.Entry<String, Cell> entry : expected.entrySet()) {
            Cell e = entry.getValue();
            Cell a = actual.get(entry.getKey());
            if (a.count() != e.count() || !Arrays.equals(a.byStatus(), e.byStatus()) || a.inBox() != e.inBox()
                    || !java.util.Objects.equals(a.marker(), e.marker())
                    || Math.abs(a.meanLat() - e.meanLat()) > 1e-9 || Math.abs(a.meanLng() - e.meanLng()) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Cell> cells(List<Cell> cells) {
        Map<String, Cell> byKey = new TreeMap<>();
        for (Cell cell : cells) {
            byKey.put(cell.column() + "," + cell.row(), cell);
        }
        return byKey;
    }

    /**
     * Around this run's spot, or round Cilegon (the other tests' complaints); sides from one fine cell to a few
     * coarse ones, their edges anywhere, on a fine or coarse cell border, or through one of this test's complaints.
     */
    private BoundingBox randomBox() {
        boolean cilegon = random.nextInt(5) == 0;
        double centreLat = cilegon ? -6.0 : baseLat + (random.nextDouble() - 0.3) * 4 * COARSE;
        double centreLng = cilegon ? 106.05 : baseLng + (random.nextDouble() - 0.3) * 4 * COARSE;
        double half = switch (random.nextInt(5)) {
            case 4 -> FINEST * (0.5 + random.nextDouble() * 3);
            case 0 -> FINE * (0.5 + random.nextDouble() * 3);
            case 1 -> COARSE * (0.3 + random.nextDouble());
            case 2 -> COARSE * (1 + random.nextDouble() * 3);
            default -> cilegon ? 0.15 : COARSE * 5;
        };
        double south = edge(centreLat - half * (0.5 + random.nextDouble()));
        double north = edge(centreLat + half * (0.5 + random.nextDouble()));
        double west = edge(centreLng - half * (0.5 + random.nextDouble()));
        double east = edge(centreLng + half * (0.5 + random.nextDouble()));
        if (random.nextInt(6) == 0) {
            // an edge through a complaint of this test
            List<Double> lats = db.sql("SELECT lat FROM complaint WHERE tracking_number LIKE 'MAP-%' ORDER BY random() LIMIT 1")
                    .map(row -> row.get(0, Double.class)).all().collectList().block();
            if (!lats.isEmpty() && lats.getFirst() < north && !cilegon) {
                south = lats.getFirst();
            }
        }
        return new BoundingBox(Math.min(south, north - 1e-6), Math.min(west, east - 1e-6), north, east);
    }

    /** The value, or the nearest cell border of a summary level. */
    private double edge(double value) {
        return switch (random.nextInt(5)) {
            case 0 -> Math.round(value / FINE) * FINE;
            case 1 -> Math.round(value / COARSE) * COARSE;
            case 2 -> Math.round(value / FINEST) * FINEST;
            default -> value;
        };
    }

    private ComplaintFilter randomFilter() {
        List<String> opdCodes = random.nextInt(4) == 0 ? some(opds) : null;
        List<String> kecamatan = random.nextInt(4) == 0
                ? some(places.stream().map(p -> p[0]).distinct().toList()) : null;
        List<String> cats = random.nextInt(4) == 0 ? some(categories) : null;
        List<ComplaintStatus> statuses = random.nextInt(3) == 0
                ? some(STATUSES).stream().map(ComplaintStatus::valueOf).toList() : null;
        return new ComplaintFilter(opdCodes, kecamatan, cats, statuses, null, null, null);
    }

    private <T> List<T> some(List<T> values) {
        return RandomPicks.some(random, values);
    }

    private <T> T pick(List<T> values) {
        return RandomPicks.pick(random, values);
    }

    /** A place near this run's spot: anywhere, on a fine cell border, on a coarse one, or at a corner. */
    private double[] randomPlace() {
        double lat = baseLat + (random.nextDouble() - 0.3) * 5 * COARSE;
        double lng = baseLng + (random.nextDouble() - 0.3) * 5 * COARSE;
        switch (random.nextInt(7)) {
            case 6 -> lng = Math.round(lng / FINEST) * FINEST;
            case 0 -> lat = Math.round(lat / FINE) * FINE;
            case 1 -> lng = Math.round(lng / FINE) * FINE;
            case 2 -> {
                lat = Math.round(lat / COARSE) * COARSE;
                lng = Math.round(lng / COARSE) * COARSE;
            }
            case 3 -> {
                // many in a few fine cells (clusters), some at the very same spot
                lat = baseLat + random.nextInt(4) * FINE + 0.3 * FINE;
                lng = baseLng + random.nextInt(4) * FINE + 0.6 * FINE;
            }
            default -> {
            }
        }
        return new double[] {lat, lng};
    }

    /** n complaints in one INSERT. */
    private List<UUID> insert(int n) {
        List<UUID> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String status = pick(STATUSES);
            String opd = status.equals("SUBMITTED") || random.nextInt(8) == 0 ? "NULL" : "'" + pick(opds) + "'";
            String[] place = pick(places);
            double[] at = randomPlace();
            values.add("('%s', 'MAP-%s', '%s', '%s', '%s', 'Uji ringkasan peta', %s, %s, '%s', '%s', false, '%s', %s, now(), now())"
                    .formatted(id, id, resident, id, pick(categories), Double.toString(at[0]), Double.toString(at[1]),
                            place[0], place[1], status, opd));
        }
        db.sql("""
                        INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, description,
                                               lat, lng, kecamatan_code, kelurahan_code, confidential, status, opd_code,
                                               created_at, updated_at)
                        VALUES """ + String.join(",\n", values))
                .then().block();
        return ids;
    }

    /** Random changes: one row at a time (status, reroute, category, kecamatan, place, none), many at once, deletions. */
    private void mutate(List<UUID> mine) {
        for (int i = 0; i < 20; i++) {
            UUID id = pick(mine);
            String change = switch (random.nextInt(6)) {
                case 0 -> "status = '" + pick(STATUSES) + "'";
                case 1 -> "opd_code = " + (random.nextInt(5) == 0 ? "NULL" : "'" + pick(opds) + "'");
                case 2 -> "category_code = '" + pick(categories) + "'";
                case 3 -> "kecamatan_code = '" + pick(places)[0] + "'";
                case 4 -> {
                    double[] at = randomPlace();
                    yield "lat = " + at[0] + ", lng = " + at[1];
                }
                default -> "updated_at = now()";
            };
            db.sql("UPDATE complaint SET " + change + " WHERE id = '" + id + "'").then().block();
        }
        // many rows in one statement, some of them to the same key, some swapping places
        db.sql("UPDATE complaint SET status = CASE WHEN random() < 0.5 THEN 'IN_PROGRESS' ELSE 'CLOSED' END "
                        + "WHERE tracking_number LIKE 'MAP-%' AND random() < 0.3")
                .then().block();
        db.sql("UPDATE complaint SET lat = lng - " + (baseLng - baseLat) + ", lng = lat + " + (baseLng - baseLat)
                        + " WHERE tracking_number LIKE 'MAP-%' AND random() < 0.1")
                .then().block();
        for (int i = 0; i < 3; i++) {
            UUID gone = mine.remove(random.nextInt(mine.size()));
            db.sql("DELETE FROM complaint WHERE id = '" + gone + "'").then().block();
        }
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
