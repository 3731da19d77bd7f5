package id.go.cilegon.juare.complaint;

import static id.go.cilegon.juare.support.Api.complaintInput;
import static id.go.cilegon.juare.support.Api.newRequestId;
import static id.go.cilegon.juare.support.Api.operation;

import id.go.cilegon.juare.support.Api;
import id.go.cilegon.juare.support.IntegrationTest;
import id.go.cilegon.juare.support.StatementLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What one submitComplaint sends to PostgreSQL (issue 15, ADR 0040). */
class SubmitStatementsTest extends IntegrationTest {

    @Autowired ApplicationContext context;

    private GraphQlTester.Response submit(String token, Map<String, Object> input) {
        return operation(api().as(token), "SubmitComplaint").variable("input", input).execute();
    }

    @Test
    void oneSubmitWithoutPhotos() {
        Api.Resident resident = api().newResident();
        // the account check is cached: warm it, as every request after the first finds it
        submit(resident.token(), complaintInput(newRequestId(), List.of()));
        try (StatementLog log = StatementLog.start(context)) {
            String requestId = newRequestId();
            submit(resident.token(), complaintInput(requestId, List.of()))
                    .path("submitComplaint.errors").entityList(Object.class).hasSize(0);
            System.out.println("SUBMIT " + log.connectionsTaken() + " connections\n" + String.join("\n", log.lines()));
            log.clear();
            submit(resident.token(), complaintInput(requestId, List.of()))
                    .path("submitComplaint.errors").entityList(Object.class).hasSize(0);
            System.out.println("REPLAY " + log.connectionsTaken() + " connections\n" + String.join("\n", log.lines()));
        }
    }
}
