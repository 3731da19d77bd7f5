package id.go.cilegon.juare.resident.internal;

import id.go.cilegon.juare.auth.SessionSubjects;
import id.go.cilegon.juare.auth.TokenService;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A resident keeps the RESIDENT role while the record exists. */
@Component
class ResidentSessions implements SessionSubjects {

    private final DatabaseClient db;

    ResidentSessions(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String kind() {
        return TokenService.KIND_RESIDENT;
    }

    @Override
    public Mono<TokenService.Grant> currentGrant(UUID subjectId) {
        return db.sql("SELECT 1 FROM resident WHERE id = :id")
                .bind("id", subjectId)
                .map(row -> new TokenService.Grant(List.of("RESIDENT"), null))
                .one();
    }
}
