package id.go.cilegon.juare.staff.internal;

import id.go.cilegon.juare.auth.SessionSubjects;
import id.go.cilegon.juare.auth.TokenService;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A refreshed staff session carries the account's role and OPD as they are now; a disabled account gets none. */
@Component
class StaffSessions implements SessionSubjects {

    private final DatabaseClient db;

    StaffSessions(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String kind() {
        return TokenService.KIND_STAFF;
    }

    @Override
    public Mono<TokenService.Grant> currentGrant(UUID subjectId) {
        return db.sql("SELECT role, opd_code FROM staff WHERE id = :id AND active")
                .bind("id", subjectId)
                .map(row -> new TokenService.Grant(List.of(row.get("role", String.class)), row.get("opd_code", String.class)))
                .one();
    }
}
