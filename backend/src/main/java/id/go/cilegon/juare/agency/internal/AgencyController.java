package id.go.cilegon.juare.agency.internal;

import id.go.cilegon.juare.platform.PlainField;
import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Opd and Category: reference data served from memory. */
@Controller
class AgencyController {

    private final AgencyCatalog catalog;

    AgencyController(AgencyCatalog catalog) {
        this.catalog = catalog;
    }

    @QueryMapping
    Mono<List<Opd>> opds() {
        return catalog.opds();
    }

    @QueryMapping
    Mono<List<Category>> categories() {
        return catalog.categories();
    }

    /** The code is the cache identity: stable, unique among OPDs, the value opdCode arguments take (docs/adr/0028). */
    @PlainField
    @SchemaMapping(typeName = "Opd", field = "id")
    String opdId(Opd opd) {
        return opd.code();
    }

    /** The code, as for Opd. */
    @PlainField
    @SchemaMapping(typeName = "Category", field = "id")
    String categoryId(Category category) {
        return category.code();
    }

    @PlainField
    @SchemaMapping(typeName = "Category", field = "defaultOpd")
    Mono<Opd> defaultOpd(Category category) {
        return catalog.opd(category.defaultOpdCode());
    }
}
