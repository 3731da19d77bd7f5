package id.go.cilegon.juare.staff.internal;

import id.go.cilegon.juare.platform.PlainField;
import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.AuthSession;
import id.go.cilegon.juare.auth.CurrentCaller;
import graphql.GraphQLContext;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.Ids;
import id.go.cilegon.juare.platform.ClientAddress;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import id.go.cilegon.juare.staff.StaffAccount;
import id.go.cilegon.juare.staff.StaffDirectory;
import id.go.cilegon.juare.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** StaffAccount: sign-in, the signed-in account, and administration (ADMIN). */
@Controller
class StaffController {

    private final StaffService service;
    private final StaffDirectory directory;
    private final AgencyCatalog catalog;

    StaffController(StaffService service, StaffDirectory directory, AgencyCatalog catalog) {
        this.service = service;
        this.directory = directory;
        this.catalog = catalog;
    }

    @MutationMapping
    Mono<LoginPayload> login(@Argument LoginInput input, GraphQLContext context) {
        return service.login(input.username(), input.password(), ClientAddress.from(context))
                .map(signedIn -> new LoginPayload(signedIn.session(), signedIn.account(), List.of(), null))
                .onErrorResume(StaffService.SignInDelayedException.class,
                        delayed -> Mono.just(new LoginPayload(null, null, List.of(delayed.error()), delayed.retryAfter())))
                .onErrorResume(UserErrorException.class, e -> Mono.just(new LoginPayload(null, null, List.of(e.error()), null)));
    }

    @QueryMapping
    Mono<StaffAccount> myStaffAccount() {
        return CurrentCaller.staff().flatMap(caller -> directory.find(caller.id()));
    }

    @QueryMapping
    Mono<List<StaffAccount>> staffAccounts() {
        return CurrentCaller.staffWithRole("ADMIN").flatMap(admin -> directory.all().collectList());
    }

    @MutationMapping
    Mono<StaffAccountPayload> createStaffAccount(@Argument CreateStaffAccountInput input) {
        return CurrentCaller.staffWithRole("ADMIN")
                .flatMap(admin -> Payloads.of(service.create(new StaffService.NewAccount(input.username(), input.displayName(),
                                input.password(), input.role(), input.opdCode(), input.phone(), input.shift())),
                        account -> new StaffAccountPayload(account, List.of()),
                        errors -> new StaffAccountPayload(null, errors)));
    }

    @MutationMapping
    Mono<StaffAccountPayload> updateStaffAccount(@Argument UpdateStaffAccountInput input) {
        UUID id = parseId(input.id());
        return CurrentCaller.staffWithRole("ADMIN")
                .flatMap(admin -> Payloads.of(service.update(new StaffService.AccountChange(id, input.displayName(), input.password(),
                                input.role(), input.opdCode(), input.phone(), input.shift(), input.active())),
                        account -> new StaffAccountPayload(account, List.of()),
                        errors -> new StaffAccountPayload(null, errors)));
    }

    @PlainField
    @SchemaMapping(typeName = "StaffAccount", field = "opd")
    Mono<Opd> opd(StaffAccount account) {
        return catalog.opd(account.opdCode());
    }

    /** A malformed id names no account: it answers as an unknown one (Ids). */
    private static UUID parseId(String id) {
        return Ids.parse(id);
    }

    record LoginInput(String username, String password) {
    }

    record LoginPayload(AuthSession session, StaffAccount account, List<UserError> errors, Instant retryAfter) {
    }

    record CreateStaffAccountInput(String username, String displayName, String password, StaffRole role, String opdCode,
                                   String phone, String shift) {
    }

    record UpdateStaffAccountInput(String id, String displayName, String password, StaffRole role, String opdCode,
                                   String phone, String shift, Boolean active) {
    }

    record StaffAccountPayload(StaffAccount account, List<UserError> errors) {
    }
}
