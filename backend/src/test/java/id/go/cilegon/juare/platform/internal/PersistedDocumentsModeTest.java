package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import id.go.cilegon.juare.graphql.OperationDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document provider's decisions without a server (docs/adr/0029): trusted mode refuses what was not registered
 * from files before it is parsed and runs what was (the dashboard's documents, a manifest's, a directory's); the
 * client-registered store stays within its size whatever is registered.
 */
class PersistedDocumentsModeTest {

    private static final String MANIFEST_DOCUMENT = "query AppCategories { categories { code nameEn } }";

    @TempDir
    Path dir;

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    private PersistedDocuments documents(PersistedDocuments.Mode mode, List<String> manifests, long storeBytes,
                                         boolean introspection) {
        return PersistedDocuments.create(new PersistedDocuments.Settings(mode, manifests, storeBytes, introspection, 100),
                new id.go.cilegon.juare.platform.Messages());
    }

    private String manifest() throws Exception {
        Path file = dir.resolve("persisted-documents.json");
        // graphql-codegen's client preset format: {"<sha256 hex>": "<document>"}
        Files.writeString(file, "{\"" + PersistedDocuments.sha256(MANIFEST_DOCUMENT) + "\": \""
                + MANIFEST_DOCUMENT.replace("\"", "\\\"") + "\"}");
        return file.toString();
    }

    private PreparsedDocumentEntry text(PersistedDocuments documents, String text) {
        return documents.getDocumentAsync(ExecutionInput.newExecutionInput(text).build(), parseAndValidate).join();
    }

    private PreparsedDocumentEntry hash(PersistedDocuments documents, String hash, String text) {
        ExecutionInput input = ExecutionInput.newExecutionInput(text == null ? "PersistedQueryMarker" : text)
                .extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))
                .build();
        return documents.getDocumentAsync(input, parseAndValidate).join();
    }

    private static String code(PreparsedDocumentEntry entry) {
        assertThat(entry.hasErrors()).as("a refusal").isTrue();
        GraphQLError error = entry.getErrors().getFirst();
        return (String) error.getExtensions().get("code");
    }

    @Test
    void trustedModeRefusesAnythingNotRegisteredBeforeParsingIt() throws Exception {
        PersistedDocuments trusted = documents(PersistedDocuments.Mode.TRUSTED, List.of(manifest()), 1 << 20, false);

        assertThat(code(text(trusted, "{ categories { code } }"))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
        assertThat(code(text(trusted, "{ __schema { types { name } } }"))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
        String unknown = PersistedDocuments.sha256("{ opds { code } }");
        assertThat(code(hash(trusted, unknown, null))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
        // APQ registration is off: a client cannot add a document by sending it with its hash
        assertThat(code(hash(trusted, unknown, "{ opds { code } }"))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
        assertThat(code(hash(trusted, unknown, null))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
        assertThat(parses).as("nothing refused was parsed").hasValue(0);
        assertThat(trusted.clientRegisteredCount()).isZero();
    }

    @Test
    void trustedModeRunsTheDashboardsDocumentsAsTheySendThemAndAManifestsByHashOrText() throws Exception {
        PersistedDocuments trusted = documents(PersistedDocuments.Mode.TRUSTED, List.of(manifest()), 1 << 20, false);

        // the dashboard sends OperationDocuments' text unchanged: it keeps working in trusted mode
        var operations = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + OperationDocuments.LOCATION + "*.graphql");
        assertThat(operations).hasSizeGreaterThan(50);
        for (var operation : operations) {
            String name = operation.getFilename().replace(".graphql", "");
            PreparsedDocumentEntry entry = text(trusted, OperationDocuments.load(name));
            assertThat(entry.hasErrors()).as(name).isFalse();
        }
        assertThat(hash(trusted, PersistedDocuments.sha256(OperationDocuments.load("Login")), null).hasErrors()).isFalse();

        String manifestHash = PersistedDocuments.sha256(MANIFEST_DOCUMENT);
        assertThat(trusted.isRegistered(manifestHash)).isTrue();
        PreparsedDocumentEntry byHash = hash(trusted, manifestHash, null);
        assertThat(byHash.hasErrors()).isFalse();
        assertThat(byHash.getDocument().toString()).contains("AppCategories");
        assertThat(text(trusted, MANIFEST_DOCUMENT).hasErrors()).isFalse();
        // one more space is another document
        assertThat(code(text(trusted, MANIFEST_DOCUMENT + " "))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
    }

    @Test
    void aDirectoryOfGraphQlFilesIsAManifestToo() throws Exception {
        Path documentsDir = Files.createDirectories(dir.resolve("documents/nested"));
        String document = "query Opds {\n  opds { code name }\n}\n";
        Files.writeString(documentsDir.resolve("Opds.graphql"), document);
        PersistedDocuments trusted = documents(PersistedDocuments.Mode.TRUSTED, List.of(dir.resolve("documents").toString()),
                1 << 20, false);
        assertThat(hash(trusted, PersistedDocuments.sha256(document), null).hasErrors()).isFalse();
        assertThat(text(trusted, document).hasErrors()).isFalse();
    }

    @Test
    void aManifestWhoseKeyIsNotItsDocumentsHashStopsTheStart() throws Exception {
        Path file = dir.resolve("sha1.json");
        Files.writeString(file, "{\"0123456789abcdef0123456789abcdef01234567\": \"{ opds { code } }\"}");
        assertThatThrownBy(() -> documents(PersistedDocuments.Mode.TRUSTED, List.of(file.toString()), 1 << 20, false))
                .hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> documents(PersistedDocuments.Mode.TRUSTED, List.of(dir.resolve("missing.json").toString()),
                1 << 20, false)).hasMessageContaining("missing.json");
    }

    @Test
    void trustedIntrospectionIsItsOwnSwitch() throws Exception {
        PersistedDocuments trusted = documents(PersistedDocuments.Mode.TRUSTED, List.of(), 1 << 20, true);
        assertThat(text(trusted, "query IntrospectionQuery { __schema { queryType { name } } }").hasErrors()).isFalse();
        assertThat(code(text(trusted, "{ __schema { queryType { name } } categories { code } }")))
                .isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
        assertThat(code(text(trusted, "mutation { __typename }"))).isEqualTo(PersistedDocuments.DOCUMENT_NOT_TRUSTED);
    }

    @Test
    void theClientRegisteredStoreStaysWithinItsSize() {
        long bound = 64 * 1024;
        PersistedDocuments any = documents(PersistedDocuments.Mode.ANY, List.of(), bound, false);
        String padding = "x".repeat(200);
        for (int i = 0; i < 20_000; i++) {
            String document = "{ categories { code } } # " + i + padding;
            assertThat(hash(any, PersistedDocuments.sha256(document), document).hasErrors()).isFalse();
        }
        assertThat(any.clientRegisteredBytes()).isLessThanOrEqualTo(bound);
        assertThat(any.clientRegisteredCount()).isLessThanOrEqualTo(bound / PersistedDocuments.ENTRY_OVERHEAD);
        assertThat(any.clientRegisteredCount()).as("it still keeps documents").isPositive();

        // a document larger than the whole store is run but not kept
        String huge = "{ categories { code } } # " + "y".repeat((int) bound);
        assertThat(hash(any, PersistedDocuments.sha256(huge), huge).hasErrors()).isFalse();
        assertThat(any.clientRegisteredBytes()).isLessThanOrEqualTo(bound);
    }

    @Test
    void anyModeRunsTextAndRemembersOnlyValidRegistrations() {
        PersistedDocuments any = documents(PersistedDocuments.Mode.ANY, List.of(), 1 << 20, false);
        assertThat(text(any, "{ categories { code } }").hasErrors()).isFalse();
        String broken = "{ categories { code ";
        Function<ExecutionInput, PreparsedDocumentEntry> failing = input -> new PreparsedDocumentEntry(
                List.of(graphql.GraphqlErrorBuilder.newError().message("parse").build()));
        ExecutionInput input = ExecutionInput.newExecutionInput(broken)
                .extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", PersistedDocuments.sha256(broken))))
                .build();
        assertThat(any.getDocumentAsync(input, failing).join().hasErrors()).isTrue();
        assertThat(any.clientRegisteredCount()).isZero();
        assertThat(code(hash(any, PersistedDocuments.sha256(broken), null))).isEqualTo(PersistedDocuments.PERSISTED_QUERY_NOT_FOUND);
    }
}
