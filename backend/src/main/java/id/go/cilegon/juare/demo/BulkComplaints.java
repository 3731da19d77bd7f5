package id.go.cilegon.juare.demo;

import id.go.cilegon.juare.graphql.Lifecycle;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Many made-up complaints in one statement, for load tests and benchmarks (not for showing the platform: they have
 * no event history). 70 % scattered round the eight kecamatan centres, 30 % anywhere in the city's bounding box;
 * statuses in equal shares, filed over the last 90 days, half of those with an OPD already replied to. Clocks that
 * ran out are already marked overdue, as the clock job would have done over those days: otherwise its first hours
 * turn them into overdue events, 1,000 a minute, and every open dashboard reloads on each burst.
 */
public final class BulkComplaints {

    private BulkComplaints() {
    }

    /** Inserts {@code count} complaints filed by {@code residentId}; tracking numbers start with {@code BEN-}. */
    public static Mono<Void> insert(DatabaseClient db, int count, UUID residentId) {
        return db.sql("""
                        WITH k AS (
                            SELECT row_number() OVER (ORDER BY code) - 1 AS idx, code, centroid_lat, centroid_lng FROM kecamatan
                        ),
                        s AS (
                            SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                                   (ARRAY[%1$s])
                                       [1 + (i / 8) %% %2$d] AS status,
                                   now() - random() * interval '90 days' AS created
                            FROM generate_series(1, :n) AS i
                        )
                        INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, description, lat, lng,
                                               kecamatan_code, kelurahan_code, confidential, status, opd_code, created_at, updated_at,
                                               dispatched_at, reply_due_at, fix_due_at, first_reply_at, reply_overdue_at,
                                               fix_overdue_at)
                        SELECT gen_random_uuid(), 'BEN-' || :run || '-' || s.i, :resident, 'bench-' || :run || '-' || s.i,
                               (ARRAY['JALAN', 'DRAINASE', 'PJU', 'SAMPAH', 'POHON', 'LALIN', 'KETERTIBAN', 'LAINNYA'])[1 + s.i %% 8],
                               'Keluhan untuk tolok ukur / complaint for a benchmark',
                               CASE WHEN s.i %% 10 < 7 THEN k.centroid_lat + (s.r1 + s.r2 - 1) * 0.02 ELSE -6.08 + s.r1 * 0.2 END,
                               CASE WHEN s.i %% 10 < 7 THEN k.centroid_lng + (s.r3 + s.r4 - 1) * 0.02 ELSE 105.92 + s.r3 * 0.17 END,
                               k.code, k.code || '.1001', false, s.status,
                               CASE WHEN s.status IN (%3$s) THEN NULL
                                    ELSE (ARRAY['DPUPR', 'DLH', 'DISHUB', 'DINKES', 'DINSOS', 'SATPOLPP', 'PERKIM'])[1 + (s.i / 56) %% 7] END,
                               s.created, s.created,
                               s.created + interval '1 hour', s.created + interval '25 hours', s.created + interval '73 hours',
                               CASE WHEN s.i %% 2 = 0 THEN s.created + interval '3 hours' END,
                               -- as ClockJob's REPLY_BREACHED and FIX_BREACHED, marked when the clock ran out
                               CASE WHEN s.i %% 2 <> 0 AND s.status IN (%4$s)
                                         AND s.created + interval '25 hours' < now() THEN s.created + interval '25 hours' END,
                               CASE WHEN s.status IN (%4$s)
                                         AND s.created + interval '73 hours' < now() THEN s.created + interval '73 hours' END
                        FROM s JOIN k ON k.idx = s.i %% 8""".formatted(Lifecycle.sqlList(Lifecycle.ALL), Lifecycle.ALL.size(),
                        Lifecycle.sqlList(Lifecycle.NEVER_AT_OPD), Lifecycle.sqlList(Lifecycle.AT_OPD)))
                .bind("n", count)
                .bind("run", UUID.randomUUID().toString().substring(0, 8))
                .bind("resident", residentId)
                .then()
                .then(db.sql("ANALYZE complaint").then());
    }
}
