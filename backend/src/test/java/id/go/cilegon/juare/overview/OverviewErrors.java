package id.go.cilegon.juare.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Assertions on GraphQL errors. */
final class OverviewErrors {

    private OverviewErrors() {
    }

    /** The response failed with exactly one error, of this extensions.code. */
    static void hasCode(GraphQlTester.Response response, String code) {
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
    }
}
