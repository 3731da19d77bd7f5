package id.go.cilegon.juare.support;

import static id.go.cilegon.juare.support.Api.operation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Staff accounts for tests: created by the first admin through the API, then signed in. */
public final class Staff {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "kata-sandi-uji-123";

    private static volatile String adminToken;
    private static final java.util.concurrent.ConcurrentHashMap<String, Member> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Api api;

    public Staff(Api api) {
        this.api = api;
    }

    public record Member(String id, String username, String token, String role, String opdCode) {
    }

    public GraphQlTester.Response login(String username, String password) {
        return operation(api.anonymous(), "Login")
                .variable("input", Map.of("username", username, "password", password))
                .execute();
    }

    /** The first admin's token, signed in once per test JVM (BCrypt is slow on purpose). */
    public String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_USERNAME, ADMIN_PASSWORD).path("login.session.accessToken").entity(String.class).get();
        }
        return adminToken;
    }

    /** A new account with this role (and OPD), signed in. */
    public Member create(String role, String opdCode) {
        return create(role, opdCode, null);
    }

    public Member create(String role, String opdCode, String phone) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = new HashMap<>(Map.of("username", username, "displayName", "Petugas " + username,
                "password", PASSWORD, "role", role));
        if (opdCode != null) {
            input.put("opdCode", opdCode);
        }
        if (phone != null) {
            input.put("phone", phone);
        }
        String id = operation(api.as(adminToken()), "CreateStaffAccount")
                .variable("input", input)
                .execute()
                .path("createStaffAccount.errors").entityList(Object.class).hasSize(0)
                .path("createStaffAccount.account.id").entity(String.class).get();
        String token = login(username, PASSWORD).path("login.session.accessToken").entity(String.class).get();
        return new Member(id, username, token, role, opdCode);
    }

    /** An operator shared by the tests of this JVM. */
    public Member operator() {
        return SHARED.computeIfAbsent("OPERATOR", key -> create("OPERATOR", null));
    }

    /** A responder of this OPD shared by the tests of this JVM. */
    public Member responder(String opdCode) {
        return SHARED.computeIfAbsent("OPD_RESPONDER/" + opdCode, key -> create("OPD_RESPONDER", opdCode));
    }
}
