package id.go.cilegon.juare.complaint.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The columns a transition changes. Column names come from code only, never from input. */
final class ComplaintUpdate {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Class<?>> nulls = new LinkedHashMap<>();
    private final Map<String, String> expressions = new LinkedHashMap<>();

    static ComplaintUpdate create() {
        return new ComplaintUpdate();
    }

    ComplaintUpdate set(String column, Object value) {
        values.put(column, value);
        return this;
    }

    ComplaintUpdate clear(String column, Class<?> type) {
        nulls.put(column, type);
        return this;
    }

    /** A column set by an SQL expression of the row itself, e.g. "reopen_count + 1". */
    ComplaintUpdate expression(String column, String sql) {
        expressions.put(column, sql);
        return this;
    }

    boolean isEmpty() {
        return values.isEmpty() && nulls.isEmpty() && expressions.isEmpty();
    }

    Map<String, Object> values() {
        return values;
    }

    Map<String, Class<?>> nulls() {
        return nulls;
    }

    Map<String, String> expressions() {
        return expressions;
    }
}
