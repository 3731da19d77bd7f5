package id.go.cilegon.juare.platform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import id.go.cilegon.juare.graphql.OperationDocuments;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persisted documents (docs/adr/0029): Apollo's automatic persisted queries, documents registered from files, the
 * trusted-documents mode, and the parsed-document cache, as the engine's one {@code PreparsedDocumentProvider}.
 * <p>
 * A document's id is the lowercase hex SHA-256 of the UTF-8 bytes of its exact text, as sent in {@code query}
 * (whitespace, comments and a final newline count). graphql-java's {@link ApolloPersistedQuerySupport} reads the
 * id from {@code extensions.persistedQuery.sha256Hash} and checks a sent text against it; this class decides where
 * a text comes from:
 * <ul>
 * <li>registered documents: our clients' operations ({@code graphql-documents/}, as {@link OperationDocuments}
 * sends them) and the manifests of {@code juare.graphql.documents.manifests};</li>
 * <li>mode {@code any}: also documents a client registered by sending text and hash (APQ), kept in a store bounded
 * by the size of their text ({@code juare.graphql.documents.apq-store-size}); any query text runs;</li>
 * <li>mode {@code trusted}: only registered documents run, as a hash, a {@code documentId} or their exact text;
 * anything else is refused before it is parsed ({@value #DOCUMENT_NOT_TRUSTED}).</li>
 * </ul>
 * Parsed and validated documents are kept by text in a second cache, whichever way they came.
 */
final class PersistedDocuments extends ApolloPersistedQuerySupport {

    private static final Logger log = LoggerFactory.getLogger(PersistedDocuments.class);

    /** The code (and, as Apollo's links also read it, the message) of a hash the server does not know. */
    static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** A text whose SHA-256 is not the hash sent with it, or a hash that is not 64 hex digits (graphql-java's PersistedQueryIdInvalid). */
    static final String PERSISTED_QUERY_ID_INVALID = "PERSISTED_QUERY_ID_INVALID";
    /** Trusted mode: a document (text, hash or documentId) that was not registered from files. */
    static final String DOCUMENT_NOT_TRUSTED = "DOCUMENT_NOT_TRUSTED";

    /** GraphQL context key: the request came as HTTP GET, where only a query may run. */
    static final String HTTP_GET = "juare.httpGet";

    /** Per stored document, beside its text: the hash, the entry, Caffeine's node (bytes, roughly). */
    static final int ENTRY_OVERHEAD = 256;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type", "__typename");

    enum Mode {
        ANY, TRUSTED
    }

    record Settings(Mode mode, List<String> manifests, long apqStoreBytes, boolean trustedIntrospection,
                    int parsedCacheSize) {
    }

    private final Settings settings;
    private final Messages messages;
    private final Map<String, String> registered;
    private final Cache<String, String> clientRegistered;
    private final Cache<String, PreparsedDocumentEntry> parsed;

    PersistedDocuments(Settings settings, Messages messages, Map<String, String> registered) {
        this(settings, messages, registered, new Holder());
    }

    private PersistedDocuments(Settings settings, Messages messages, Map<String, String> registered, Holder holder) {
        super(holder);
        holder.owner = this;
        this.settings = settings;
        this.messages = messages;
        this.registered = Map.copyOf(registered);
        // weighed by the text's size, so that a flood of registrations evicts instead of growing the heap
        this.clientRegistered = Caffeine.newBuilder()
                .maximumWeight(settings.apqStoreBytes())
                .<String, String>weigher((hash, text) -> ENTRY_OVERHEAD + 2 * text.length())
                .build();
        this.parsed = Caffeine.newBuilder().maximumSize(settings.parsedCacheSize()).build();
    }

    /** The registered documents and the client-registered store, with the settings. */
    static PersistedDocuments create(Settings settings, Messages messages) {
        Map<String, String> registered = new LinkedHashMap<>(ownDocuments());
        for (String location : settings.manifests()) {
            registered.putAll(manifest(location));
        }
        log.info("GraphQL documents: mode {}, {} registered from files", settings.mode().name().toLowerCase(Locale.ROOT),
                registered.size());
        return new PersistedDocuments(settings, messages, registered);
    }

    boolean isRegistered(String hash) {
        return registered.containsKey(hash);
    }

    /** Documents clients registered (APQ) and the bytes they weigh, after pending evictions. */
    long clientRegisteredCount() {
        clientRegistered.cleanUp();
        return clientRegistered.estimatedSize();
    }

    long clientRegisteredBytes() {
        clientRegistered.cleanUp();
        return clientRegistered.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    // ---- the provider

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        CompletableFuture<PreparsedDocumentEntry> entry = document(input, parseAndValidate);
        if (Boolean.TRUE.equals(input.getGraphQLContext().get(HTTP_GET))) {
            return entry.thenApply(found -> onlyAQuery(input, found, messages));
        }
        return entry;
    }

    private CompletableFuture<PreparsedDocumentEntry> document(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Function<ExecutionInput, PreparsedDocumentEntry> cachedParse = in -> parse(in, parseAndValidate);
        Optional<Object> id;
        try {
            id = getPersistedQueryId(input);
        } catch (PersistedQueryError e) {
            return CompletableFuture.completedFuture(error(input, e));
        }
        if (id.isPresent()) {
            return super.getDocumentAsync(input, cachedParse);
        }
        String text = input.getQuery();
        if (settings.mode() == Mode.TRUSTED && !registered.containsKey(sha256(text)) && !allowedIntrospection(text)) {
            return CompletableFuture.completedFuture(error(input, new NotTrusted(null)));
        }
        return CompletableFuture.completedFuture(cachedParse.apply(input));
    }

    /** Over GET only a query runs (GraphQL over HTTP: a mutation answers 405); an unknown operation is left to the engine. */
    private static PreparsedDocumentEntry onlyAQuery(ExecutionInput input, PreparsedDocumentEntry entry, Messages messages) {
        if (entry.hasErrors()) {
            return entry;
        }
        List<OperationDefinition> operations = entry.getDocument().getDefinitionsOfType(OperationDefinition.class);
        String name = input.getOperationName();
        Optional<OperationDefinition> selected = name == null || name.isEmpty()
                ? (operations.size() == 1 ? Optional.of(operations.getFirst()) : Optional.empty())
                : operations.stream().filter(operation -> name.equals(operation.getName())).findFirst();
        if (selected.isEmpty() || selected.get().getOperation() == OperationDefinition.Operation.QUERY) {
            return entry;
        }
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                .errorType(Classification.PERSISTED_DOCUMENT)
                .message(messages.text(CallerLanguage.of(input.getGraphQLContext()), "request.get-query-only",
                        selected.get().getOperation().name().toLowerCase(Locale.ROOT)))
                .extensions(Map.of("code", PersistedDocumentRequests.METHOD_NOT_ALLOWED))
                .build());
    }

    /** graphql-java's reading, made safe for a malformed extension (a string, a number): a refusal, not a crash. */
    @Override
    protected Optional<Object> getPersistedQueryId(ExecutionInput input) {
        Object persistedQuery = input.getExtensions().get("persistedQuery");
        if (persistedQuery == null) {
            return Optional.empty();
        }
        if (!(persistedQuery instanceof Map<?, ?> map) || !(map.get("sha256Hash") instanceof String hash)
                || !SHA256_HEX.matcher(hash.toLowerCase(Locale.ROOT)).matches()) {
            throw new PersistedQueryIdInvalid(String.valueOf(persistedQuery instanceof Map<?, ?> m ? m.get("sha256Hash") : persistedQuery));
        }
        return Optional.of(hash.toLowerCase(Locale.ROOT));
    }

    /** graphql-java's error entry for a miss or a wrong hash; not reached: {@link #lookUp} answers them in the caller's language. */
    @Override
    protected PreparsedDocumentEntry mkMissingError(PersistedQueryError e) {
        return error(null, e);
    }

    private PreparsedDocumentEntry parse(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry cached = parsed.getIfPresent(text);
        if (cached != null) {
            return cached;
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            parsed.put(text, entry);
        }
        return entry;
    }

    /** Where a hash's text comes from: the registered documents, else (mode any) the client-registered store. */
    private CompletableFuture<PreparsedDocumentEntry> lookUp(Object id, ExecutionInput input, PersistedQueryCacheMiss miss) {
        try {
            return CompletableFuture.completedFuture(find(id, input, miss));
        } catch (PersistedQueryError e) {
            return CompletableFuture.completedFuture(error(input, e));
        }
    }

    private PreparsedDocumentEntry find(Object id, ExecutionInput input, PersistedQueryCacheMiss miss) {
        String hash = (String) id;
        String sent = input.getQuery();
        boolean hasText = sent != null && !sent.isBlank() && !sent.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
        String stored = registered.get(hash);
        if (stored == null && settings.mode() == Mode.ANY) {
            stored = clientRegistered.getIfPresent(hash);
        }
        if (stored != null) {
            // a sent text is still checked against the hash (graphql-java's check), the stored one matches
            return miss.apply(hasText ? sent : stored);
        }
        if (settings.mode() == Mode.TRUSTED) {
            throw new NotTrusted(hash);
        }
        if (!hasText) {
            throw new PersistedQueryNotFound(hash);
        }
        PreparsedDocumentEntry entry = miss.apply(sent);
        if (!entry.hasErrors()) {
            // only a document that parses and validates is remembered
            clientRegistered.put(hash, sent);
        }
        return entry;
    }

    /** Trusted mode lets an introspection-only document through when juare.graphql.documents.trusted-introspection is on. */
    private boolean allowedIntrospection(String text) {
        if (!settings.trustedIntrospection()) {
            return false;
        }
        try {
            Document document = Parser.parse(text);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return !operations.isEmpty() && operations.stream().allMatch(operation ->
                    operation.getOperation() == OperationDefinition.Operation.QUERY
                            && operation.getSelectionSet().getSelections().stream().allMatch(selection ->
                            selection instanceof Field field && INTROSPECTION_FIELDS.contains(field.getName())));
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private PreparsedDocumentEntry error(ExecutionInput input, PersistedQueryError e) {
        String language = input == null ? CallerLanguage.INDONESIAN : CallerLanguage.of(input.getGraphQLContext());
        String code;
        String message;
        Object id;
        if (e instanceof PersistedQueryNotFound notFound) {
            // Apollo's links retry with the text on this code, older ones on this message
            code = PERSISTED_QUERY_NOT_FOUND;
            message = "PersistedQueryNotFound";
            id = notFound.getPersistedQueryId();
        } else if (e instanceof PersistedQueryIdInvalid invalid) {
            code = PERSISTED_QUERY_ID_INVALID;
            message = messages.text(language, "request.document-hash-mismatch");
            id = invalid.getPersistedQueryId();
        } else {
            code = DOCUMENT_NOT_TRUSTED;
            message = messages.text(language, "request.document-not-trusted");
            id = ((NotTrusted) e).hash;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (id != null) {
            extensions.put("persistedQueryId", id);
        }
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(Classification.PERSISTED_DOCUMENT)
                .message(message)
                .extensions(extensions)
                .build();
        return new PreparsedDocumentEntry(error);
    }

    enum Classification implements ErrorClassification {
        PERSISTED_DOCUMENT
    }

    /** A document that is not registered, in trusted mode. */
    static final class NotTrusted extends PersistedQueryError {
        private final String hash;

        NotTrusted(String hash) {
            this.hash = hash;
        }

        @Override
        public String getMessage() {
            return DOCUMENT_NOT_TRUSTED;
        }
    }

    /** graphql-java's cache interface, answered by the enclosing store (the super constructor needs it first). */
    private static final class Holder implements PersistedQueryCache {
        private PersistedDocuments owner;

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
                Object id, ExecutionInput input, PersistedQueryCacheMiss miss) {
            return owner.lookUp(id, input, miss);
        }
    }

    // ---- registration from files

    /** The lowercase hex SHA-256 of the UTF-8 bytes of the text: a document's id. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our own clients' operations (the dashboard's), exactly as OperationDocuments hands them to the clients. */
    static Map<String, String> ownDocuments() {
        Map<String, String> documents = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + OperationDocuments.LOCATION + "*.graphql")) {
                String name = resource.getFilename();
                String text = OperationDocuments.load(name.substring(0, name.length() - ".graphql".length()));
                documents.put(sha256(text), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * A manifest: a JSON object {@code {"<sha256 hex>": "<document>"}} (graphql-codegen's client preset
     * {@code persisted-documents.json}; a key may start with {@code sha256:}), or a directory whose {@code .graphql}
     * files are each one whole document. A key that is not the SHA-256 of its document stops the start.
     */
    static Map<String, String> manifest(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location.contains(":") ? location : "file:" + location);
        Map<String, String> documents = new LinkedHashMap<>();
        try {
            if (resource.isFile() && resource.getFile().isDirectory()) {
                try (Stream<Path> files = Files.walk(resource.getFile().toPath())) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        documents.put(sha256(text), text);
                    }
                }
                return documents;
            }
            if (!resource.exists()) {
                throw new IllegalStateException("juare.graphql.documents.manifests: nothing at " + location);
            }
            Map<String, String> manifest = JsonMapper.builder().build().readValue(resource.getInputStream(),
                    new TypeReference<Map<String, String>>() {
                    });
            manifest.forEach((key, text) -> {
                String hash = key.toLowerCase(Locale.ROOT).replaceFirst("^sha256:", "");
                if (!hash.equals(sha256(text))) {
                    throw new IllegalStateException("juare.graphql.documents.manifests: in " + location + ", " + key
                            + " is not the SHA-256 (hex) of its document; the server hashes the exact text with SHA-256"
                            + " (graphql-codegen: persistedDocuments.hashAlgorithm 'sha256')");
                }
                documents.put(hash, text);
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("juare.graphql.documents.manifests: cannot read " + location, e);
        }
    }
}
