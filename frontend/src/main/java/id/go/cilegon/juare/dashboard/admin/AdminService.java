package id.go.cilegon.juare.dashboard.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.stereotype.Service;

/**
 * The admin screens' way to the backend (ADMIN only; the backend refuses everyone else with FORBIDDEN): staff
 * accounts, OPDs and categories. A refused change comes back as {@link Outcome} with the backend's typed errors; a
 * failed request (unreachable, session over, forbidden) as a {@link BackendException}. After an OPD or a category
 * changed, an {@link AgencyDataChanged} event tells whatever keeps them in memory to forget them.
 */
@Service
public class AdminService {

    private final BackendClient backend;
    private final ApplicationEventPublisher events;

    public AdminService(BackendClient backend, ApplicationEventPublisher events) {
        this.backend = backend;
        this.events = events;
    }

    /** Every staff account, by username. */
    public List<StaffMember> staffAccounts(BackendSession session) {
        List<AccountAnswer> accounts = backend.execute(session, "StaffAccounts", Map.of())
                .field("staffAccounts")
                .toEntityList(AccountAnswer.class);
        return accounts.stream().map(AdminService::member).sorted(Comparator.comparing(StaffMember::username)).toList();
    }

    public Outcome<StaffMember> createStaffAccount(BackendSession session, StaffForm form) {
        ClientGraphQlResponse response = backend.execute(session, "CreateStaffAccount", Map.of("input", form.createInput()));
        return saved(response, "createStaffAccount", "account", AccountAnswer.class, AdminService::member);
    }

    public Outcome<StaffMember> updateStaffAccount(BackendSession session, StaffForm form) {
        ClientGraphQlResponse response = backend.execute(session, "UpdateStaffAccount", Map.of("input", form.updateInput()));
        return saved(response, "updateStaffAccount", "account", AccountAnswer.class, AdminService::member);
    }

    /** The OPDs (taking complaints or not) and the categories, fresh from the backend. */
    public Agency agency(BackendSession session) {
        ClientGraphQlResponse response = backend.execute(session, "AgencyAdmin", Map.of());
        List<OpdAnswer> opds = response.field("opds").toEntityList(OpdAnswer.class);
        List<CategoryAnswer> categories = response.field("categories").toEntityList(CategoryAnswer.class);
        return new Agency(opds.stream().map(AdminService::opd).toList(),
                categories.stream().map(AdminService::category).toList());
    }

    public Outcome<Opd> updateOpd(BackendSession session, OpdForm form) {
        ClientGraphQlResponse response = backend.execute(session, "UpdateOpd", Map.of("input", form.input()));
        Outcome<Opd> saved = saved(response, "updateOpd", "opd", OpdAnswer.class, AdminService::opd);
        if (saved.ok()) {
            events.publishEvent(new AgencyDataChanged(AgencyDataChanged.Kind.OPD, saved.value().code()));
        }
        return saved;
    }

    public Outcome<Category> updateCategory(BackendSession session, CategoryForm form) {
        ClientGraphQlResponse response = backend.execute(session, "UpdateCategory", Map.of("input", form.input()));
        Outcome<Category> saved = saved(response, "updateCategory", "category", CategoryAnswer.class, AdminService::category);
        if (saved.ok()) {
            events.publishEvent(new AgencyDataChanged(AgencyDataChanged.Kind.CATEGORY, saved.value().code()));
        }
        return saved;
    }

    /** A mutation's payload: its errors if it has any, else the changed thing. */
    private static <A, T> Outcome<T> saved(ClientGraphQlResponse response, String mutation, String field, Class<A> answer,
                                           Function<A, T> mapping) {
        return Outcome.read(response, mutation, field, answer, mapping);
    }

    // ---- from the answers' shapes (as the documents ask for them) to the screens' records ----

    static StaffMember member(AccountAnswer a) {
        return new StaffMember(a.id(), a.username(), a.displayName(), a.role(),
                a.opd() == null ? null : a.opd().code(), a.opd() == null ? null : a.opd().name(),
                a.maskedPhone(), a.shift(), a.active(), a.lockedUntil(), a.createdAt());
    }

    static Opd opd(OpdAnswer o) {
        return new Opd(o.code(), o.name(), o.kind(), o.active());
    }

    static Category category(CategoryAnswer c) {
        return new Category(c.code(), c.nameId(), c.nameEn(),
                c.defaultOpd() == null ? null : c.defaultOpd().code(), c.defaultOpd() == null ? null : c.defaultOpd().name(),
                c.replyHours(), c.fixHours(), c.confidentialByDefault(), c.active());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpdRef(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountAnswer(String id, String username, String displayName, StaffRole role, OpdRef opd, String maskedPhone,
                         String shift, boolean active, Instant lockedUntil, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpdAnswer(String code, String name, String kind, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CategoryAnswer(String code, String nameId, String nameEn, int replyHours, int fixHours,
                          boolean confidentialByDefault, boolean active, OpdRef defaultOpd) {
    }
}
