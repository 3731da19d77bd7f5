package id.go.cilegon.juare.dashboard.live.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest complaint events, newest on top, at most {@value #MAX}: time (WIB), tracking number, what happened, the
 * complaint's status, the OPD. A click opens the complaint ({@code complaint/<id>}). Sizes follow the Lumo font-size
 * properties, so a screen can scale it (the wall does).
 */
public class LatestEvents extends Div {

    public static final int MAX = 20;

    private final Div list = new Div();
    private List<ComplaintEvent> shown = List.of();

    public LatestEvents() {
        setId("latest-events");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        add(list);
        render();
    }

    /** Adds events (any order, repeats ignored): the list stays newest first. */
    public void addEvents(Collection<ComplaintEvent> events) {
        shown = newestFirst(shown, events, MAX);
        render();
    }

    public List<ComplaintEvent> shown() {
        return shown;
    }

    /** The union of both, each event once (by id), newest (highest id) first, at most {@code max}. */
    static List<ComplaintEvent> newestFirst(Collection<ComplaintEvent> current, Collection<ComplaintEvent> more, int max) {
        Map<String, ComplaintEvent> byId = new LinkedHashMap<>();
        current.forEach(e -> byId.put(e.id(), e));
        more.forEach(e -> byId.put(e.id(), e));
        List<ComplaintEvent> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong((ComplaintEvent e) -> Long.parseLong(e.id())).reversed());
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    private void render() {
        list.removeAll();
        if (shown.isEmpty()) {
            Span empty = new Span(getTranslation("live.latest.empty"));
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(empty);
            return;
        }
        for (ComplaintEvent event : shown) {
            list.add(row(event));
        }
    }

    private Div row(ComplaintEvent e) {
        Span time = new Span(Wib.time(e.at(), getLocale()));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap");
        Span tracking = new Span(e.trackingNumber() == null ? "—" : e.trackingNumber());
        tracking.getStyle().set("font-weight", "600").set("white-space", "nowrap");
        Span what = new Span(label("live.type.", e.type()));
        Span status = new Span(label("live.status.", e.status()));
        status.getStyle().set("padding", "0 0.5em").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-10pct)").set("white-space", "nowrap");
        Span opd = new Span(e.opdCode() == null ? "" : e.opdCode());
        opd.getStyle().set("color", "var(--lumo-secondary-text-color)");

        Div row = new Div(time, tracking, what, status, opd);
        row.addClassName("latest-event");
        row.getElement().setAttribute("data-event-id", e.id());
        row.getElement().setAttribute("data-complaint-id", e.complaintId());
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
                .set("gap", "0 var(--lumo-space-m)").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("cursor", "pointer");
        row.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("complaint/" + e.complaintId())));
        return row;
    }

    /** The translation, or the code itself for a value this dashboard does not know yet. */
    private String label(String prefix, String value) {
        if (value == null) {
            return "";
        }
        String text = getTranslation(prefix + value);
        return text.startsWith("!") ? value : text;
    }
}
