package id.go.cilegon.juare.platform.internal;

import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.StringValue;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds text no person types and PostgreSQL cannot store or should not get: U+0000 (PostgreSQL refuses it with
 * 22021), the other C0 controls but tab, line feed and carriage return, DEL, unpaired surrogates and the
 * non-characters U+FFFE and U+FFFF. Looks through a request's variables (keys and values, nested objects and
 * lists) and the string literals of its document, and names where the first one is.
 */
final class InputCharacters {

    private InputCharacters() {
    }

    /** Where a disallowed character is, and which. */
    record Violation(String field, int codePoint) {
        String codePointName() {
            return String.format("U+%04X", codePoint);
        }
    }

    /** The first disallowed character of a text, or -1. */
    static int firstDisallowed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return c;
                }
            } else if (c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                return c;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return c;
                }
            } else if (Character.isLowSurrogate(c)) {
                return c;
            }
        }
        return -1;
    }

    static Violation inVariables(Map<String, Object> variables) {
        return variables == null ? null : inValue("$", variables);
    }

    private static Violation inValue(String path, Object value) {
        if (value instanceof CharSequence text) {
            int bad = firstDisallowed(text);
            return bad < 0 ? null : new Violation(path, bad);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String child = path.equals("$") ? "$" + printable(key) : path + "." + printable(key);
                int bad = firstDisallowed(key);
                if (bad >= 0) {
                    return new Violation(child, bad);
                }
                Violation inner = inValue(child, entry.getValue());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Violation inner = inValue(path + "[" + i + "]", list.get(i));
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * String literals of the document. A disallowed character can only be in one through an escape (\\u0000) or as
     * a surrogate (raw control characters do not parse), so only documents with either are parsed here.
     */
    static Violation inDocument(String document) {
        if (document == null || (!document.contains("\\u") && !hasSurrogate(document))) {
            return null;
        }
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException e) {
            return null; // the engine reports the syntax error itself
        }
        return inNode(parsed, new ArrayList<>());
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Violation inNode(Node<?> node, List<String> path) {
        if (node instanceof StringValue string) {
            int bad = firstDisallowed(string.getValue());
            return bad < 0 ? null : new Violation(String.join(".", path), bad);
        }
        String name = switch (node) {
            case Field field -> field.getAlias() != null ? field.getAlias() : field.getName();
            case Argument argument -> argument.getName();
            case ObjectField field -> field.getName();
            default -> null;
        };
        if (name != null) {
            path.add(printable(name));
        }
        try {
            if (node instanceof ArrayValue array) {
                for (int i = 0; i < array.getValues().size(); i++) {
                    path.add("[" + i + "]");
                    Violation inner = inNode(array.getValues().get(i), path);
                    path.removeLast();
                    if (inner != null) {
                        return inner;
                    }
                }
                return null;
            }
            for (Node<?> child : node.getChildren()) {
                Violation inner = inNode(child, path);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        } finally {
            if (name != null) {
                path.removeLast();
            }
        }
    }

    /** A name fit for an error message: disallowed characters shown as U+XXXX, at most 100 characters. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(100).forEach(cp -> {
            if (firstDisallowed(new String(Character.toChars(cp))) >= 0) {
                out.append(String.format("U+%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
