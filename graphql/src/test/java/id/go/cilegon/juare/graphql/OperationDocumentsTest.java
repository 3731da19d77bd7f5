package id.go.cilegon.juare.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation our clients send must be valid against the schema. */
class OperationDocumentsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("graphql"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".graphqls")).toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    static List<String> operations() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("graphql-documents"))) {
            return files.filter(p -> p.toString().endsWith(".graphql"))
                    .map(p -> p.getFileName().toString().replace(".graphql", ""))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void operationIsValidAgainstTheSchema(String name) {
        Document document = Parser.parse(OperationDocuments.load(name));
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        assertThat(errors).as(name).isEmpty();
    }

    @Test
    void thereAreOperationsToCheck() throws IOException {
        assertThat(operations()).contains("SubmitComplaint", "MyComplaints", "MyComplaintEvents");
    }

    @Test
    void anInvalidOperationIsCaught() {
        Document document = Parser.parse("query { myComplaints { edges { node { noSuchField } } } }");
        assertThat(new Validator().validateDocument(schema, document, Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void aMissingDocumentIsAClearError() {
        assertThatThrownBy(() -> OperationDocuments.load("NoSuchOperation"))
                .hasMessageContaining("graphql-documents/NoSuchOperation.graphql");
    }
}
