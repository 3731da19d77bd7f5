package id.go.cilegon.juare.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the operations our own clients send, from {@code graphql-documents/NAME.graphql} on the classpath,
 * with every fragment they spread (from {@code graphql-documents/fragments/}) appended, so each document can
 * be sent as it is.
 */
public final class OperationDocuments {

    public static final String LOCATION = "graphql-documents/";

    private static final Pattern FRAGMENT_SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z]\\w*)");
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private OperationDocuments() {
    }

    /** The document of the named operation, with its fragments. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, OperationDocuments::assemble);
    }

    private static String assemble(String name) {
        String operation = read(LOCATION + name + ".graphql");
        StringBuilder document = new StringBuilder(operation);
        Set<String> added = new LinkedHashSet<>();
        appendFragments(operation, document, added);
        return document.toString();
    }

    private static void appendFragments(String text, StringBuilder document, Set<String> added) {
        Matcher matcher = FRAGMENT_SPREAD.matcher(text);
        while (matcher.find()) {
            String fragment = matcher.group(1);
            if (added.add(fragment)) {
                String fragmentText = read(LOCATION + "fragments/" + fragment + ".graphql");
                document.append('\n').append(fragmentText);
                appendFragments(fragmentText, document, added);
            }
        }
    }

    private static String read(String path) {
        try (InputStream in = OperationDocuments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No GraphQL document at classpath:" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
