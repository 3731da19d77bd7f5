package id.go.cilegon.juare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PL/pgSQL function whose statements match rows against an array parameter ({@code = ANY (p_…)}) keeps one plan
 * per session (V15_47): without {@code plan_cache_mode = force_generic_plan} PostgreSQL plans such a statement again at
 * every call, since the generic plan's estimate assumes ten elements and so always costs more than a custom plan for
 * one. For opd_open_refresh that was ~1.9 ms of a 2.9 ms status update. The setting belongs to the function's
 * definition, so a later {@code CREATE OR REPLACE} that leaves it out drops it: this test fails then.
 */
class ArrayParameterPlanTest extends IntegrationTest {

    @Test
    void everyFunctionMatchingAnArrayParameterKeepsOnePlan() {
        List<Map<String, Object>> functions = db.sql("""
                        SELECT p.proname AS name, coalesce(array_to_string(p.proconfig, ','), '') AS config
                        FROM pg_proc p
                        JOIN pg_language l ON l.oid = p.prolang
                        JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE l.lanname = 'plpgsql' AND n.nspname = current_schema()
                          AND p.prosrc ~* '=\\s*ANY\\s*\\(\\s*p_'
                        ORDER BY 1""")
                .fetch().all().collectList().block();

        // the one there is today: a status change's refresh of the ranking's open work
        assertThat(functions).extracting(f -> f.get("name")).contains("opd_open_refresh");
        assertThat(functions).allSatisfy(f -> assertThat((String) f.get("config"))
                .as("settings of %s", f.get("name")).contains("plan_cache_mode=force_generic_plan"));
    }
}
