package id.go.cilegon.juare.agency.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** ADMIN: editing OPDs and categories (reference data is data, not code). */
@Controller
class AgencyAdminController {

    static final int MAX_HOURS = 24 * 60;

    private final DatabaseClient db;
    private final AgencyCatalog catalog;

    AgencyAdminController(DatabaseClient db, AgencyCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    @MutationMapping
    Mono<OpdPayload> updateOpd(@Argument UpdateOpdInput input) {
        return CurrentCaller.staffWithRole("ADMIN")
                .flatMap(admin -> Payloads.of(changeOpd(input), opd -> new OpdPayload(opd, List.of()), errors -> new OpdPayload(null, errors)));
    }

    private Mono<Opd> changeOpd(UpdateOpdInput input) {
        if (input.name() != null && (input.name().isBlank() || input.name().length() > 200)) {
            return Mono.error(UserError.of(ErrorCode.INVALID_INPUT, "agency.name-length", "name").exception());
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE opd SET name = coalesce(:name, name), active = coalesce(:active, active) WHERE code = :code")
                .bind("code", input.code());
        spec = input.name() == null ? spec.bindNull("name", String.class) : spec.bind("name", input.name().strip());
        spec = input.active() == null ? spec.bindNull("active", Boolean.class) : spec.bind("active", input.active());
        return spec.fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1 ? reloaded(() -> catalog.opd(input.code()))
                        : Mono.error(UserError.of(ErrorCode.UNKNOWN_OPD, "agency.opd-unknown", "code").exception()));
    }

    @MutationMapping
    Mono<CategoryPayload> updateCategory(@Argument UpdateCategoryInput input) {
        return CurrentCaller.staffWithRole("ADMIN")
                .flatMap(admin -> Payloads.of(changeCategory(input), c -> new CategoryPayload(c, List.of()), errors -> new CategoryPayload(null, errors)));
    }

    private Mono<Category> changeCategory(UpdateCategoryInput input) {
        if (outOfRange(input.replyHours()) || outOfRange(input.fixHours())) {
            return Mono.error(UserError.of(ErrorCode.INVALID_INPUT, "agency.hours",
                    outOfRange(input.replyHours()) ? "replyHours" : "fixHours").exception());
        }
        return catalog.category(input.code())
                .switchIfEmpty(Mono.error(UserError.of(ErrorCode.UNKNOWN_CATEGORY, "agency.category-unknown", "code").exception()))
                .flatMap(current -> checkOpd(input.defaultOpdCode()).thenReturn(current))
                .flatMap(current -> writeCategory(current, input))
                .then(reloaded(() -> catalog.category(input.code())));
    }

    private Mono<Void> checkOpd(String code) {
        if (code == null) {
            return Mono.empty();
        }
        return catalog.opd(code)
                .switchIfEmpty(Mono.error(UserError.of(ErrorCode.UNKNOWN_OPD, "agency.opd-unknown", "defaultOpdCode").exception()))
                .then();
    }

    private Mono<Void> writeCategory(Category current, UpdateCategoryInput input) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE category SET default_opd_code = :opd, reply_hours = :reply, fix_hours = :fix,
                               confidential_by_default = :confidential, active = :active
                        WHERE code = :code""")
                .bind("code", current.code())
                .bind("reply", input.replyHours() != null ? input.replyHours() : current.replyHours())
                .bind("fix", input.fixHours() != null ? input.fixHours() : current.fixHours())
                .bind("confidential", input.confidentialByDefault() != null ? input.confidentialByDefault() : current.confidentialByDefault())
                .bind("active", input.active() != null ? input.active() : current.active());
        String opd = input.defaultOpdCode() != null ? input.defaultOpdCode() : current.defaultOpdCode();
        spec = opd == null ? spec.bindNull("opd", String.class) : spec.bind("opd", opd);
        return spec.then();
    }

    /** Reads after refreshing this instance's cache; other instances see the change within the cache's TTL. */
    private <T> Mono<T> reloaded(java.util.function.Supplier<Mono<T>> read) {
        return Mono.defer(() -> {
            catalog.refresh();
            return read.get();
        });
    }

    private static boolean outOfRange(Integer hours) {
        return hours != null && (hours < 1 || hours > MAX_HOURS);
    }

    record UpdateOpdInput(String code, String name, Boolean active) {
    }

    record OpdPayload(Opd opd, List<UserError> errors) {
    }

    record UpdateCategoryInput(String code, String defaultOpdCode, Integer replyHours, Integer fixHours,
                               Boolean confidentialByDefault, Boolean active) {
    }

    record CategoryPayload(Category category, List<UserError> errors) {
    }
}
