package id.go.cilegon.juare.dashboard.commandcentre;

import java.util.List;

/**
 * One of the command centre's five big numbers, as both the command centre and the wall show them.
 *
 * @param id        element id suffix (tests find the counters by it)
 * @param labelKey  translation key of the label
 * @param value     the number, or null when the backend does not know it (shown as "—")
 * @param hintKey   translation key of the small line under it, or null
 * @param hintParam the hint's one parameter, if any
 * @param alarm     something is overdue: a wall shows it in red
 */
public record Counter(String id, String labelKey, Integer value, String hintKey, Object hintParam, boolean alarm) {

    public String shownValue() {
        return value == null ? "—" : String.valueOf(value);
    }

    public static List<Counter> of(CommandCentreOverview o) {
        return List.of(
                new Counter("new-today", "cc.counter.newToday", o.newToday(), null, null, false),
                new Counter("open", "cc.counter.open", o.open(), "cc.counter.open.hint", o.waitingForOperator(), false),
                new Counter("reply-overdue", "cc.counter.replyOverdue", o.replyOverdue(), null, null, o.replyOverdue() > 0),
                new Counter("fix-overdue", "cc.counter.fixOverdue", o.fixOverdue(), null, null, o.fixOverdue() > 0),
                new Counter("resolved-today", "cc.counter.resolvedToday", o.resolvedToday(),
                        o.resolvedToday() == null ? "cc.counter.resolvedToday.missing" : null, null, false));
    }
}
