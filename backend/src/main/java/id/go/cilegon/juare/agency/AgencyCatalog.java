package id.go.cilegon.juare.agency;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * OPDs and categories, read from the database and kept in memory for a short while: they are read on every
 * complaint and change rarely (an admin edit calls {@link #refresh()}; other instances see it within the TTL).
 */
@Service
public class AgencyCatalog {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private volatile Mono<Catalog> catalog;

    public AgencyCatalog(DatabaseClient db) {
        this.db = db;
        refresh();
    }

    public final void refresh() {
        this.catalog = load().cache(TTL);
    }

    public Mono<List<Opd>> opds() {
        return catalog.map(c -> List.copyOf(c.opds().values()));
    }

    public Mono<List<Category>> categories() {
        return catalog.map(c -> List.copyOf(c.categories().values()));
    }

    public Mono<Opd> opd(String code) {
        return catalog.mapNotNull(c -> code == null ? null : c.opds().get(code));
    }

    public Mono<Category> category(String code) {
        return catalog.mapNotNull(c -> code == null ? null : c.categories().get(code));
    }

    /** Everything at once, for batch look-ups. */
    public Mono<Catalog> snapshot() {
        return catalog;
    }

    private Mono<Catalog> load() {
        Mono<Map<String, Opd>> opds = db.sql("SELECT code, name, kind, active FROM opd ORDER BY name")
                .map(row -> new Opd(row.get("code", String.class), row.get("name", String.class),
                        row.get("kind", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .all()
                .collectMap(Opd::code, o -> o, LinkedHashMap::new);
        Mono<Map<String, Category>> categories = db.sql("""
                        SELECT code, name_id, name_en, default_opd_code, reply_hours, fix_hours, confidential_by_default,
                               active, sort_order
                        FROM category ORDER BY sort_order, code""")
                .map(row -> new Category(row.get("code", String.class), row.get("name_id", String.class),
                        row.get("name_en", String.class), row.get("default_opd_code", String.class),
                        row.get("reply_hours", Integer.class), row.get("fix_hours", Integer.class),
                        Boolean.TRUE.equals(row.get("confidential_by_default", Boolean.class)),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("sort_order", Integer.class)))
                .all()
                .collectMap(Category::code, c -> c, LinkedHashMap::new);
        return Mono.zip(opds, categories, Catalog::new);
    }

    /** A consistent view of OPDs and categories by code. */
    public record Catalog(Map<String, Opd> opds, Map<String, Category> categories) {
    }
}
