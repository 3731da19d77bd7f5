package id.go.cilegon.juare.dashboard.live.ui;

import id.go.cilegon.juare.dashboard.base.ui.JuareFiles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest complaint events, newest on top, at most {@value #MAX}: date and time (WIB, {@link EventTime}), tracking
 * number, what happened, the complaint's status, the OPD. Each row is a link to the complaint ({@code complaint/<id>}):
 * reachable with Tab, opened with Enter or a click. The list scrolls inside itself when its container is shorter,
 * and is focusable then (keyboard users scroll it too). Sizes are in {@code em}, so a screen scales it with its own
 * font size (the wall does). Styles: {@code juare/live.css}.
 */
public class LatestEvents extends Div {

    public static final int MAX = 20;

    private final OrderedList list = new OrderedList();
    private List<ComplaintEvent> shown = List.of();
    /** The rows shown, by event id. */
    private final Map<String, ListItem> items = new HashMap<>();

    public LatestEvents() {
        setId("latest-events");
        addClassName("juare-latest-events");
        // a named, focusable region: axe's scrollable-region-focusable, and a screen reader can find it
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("live.latest.label"));
        getElement().setAttribute("tabindex", "0");
        list.addClassName("juare-latest-list");
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

    /**
     * Changes only what changed: new events go in on top, old ones drop off the end, the rest stay the same elements,
     * so the row a keyboard user is on keeps its focus while events arrive.
     */
    private void render() {
        if (shown.isEmpty()) {
            list.removeAll();
            items.clear();
            ListItem empty = new ListItem(getTranslation("live.latest.empty"));
            empty.addClassName("juare-latest-empty");
            list.add(empty);
            return;
        }
        list.getChildren().filter(child -> !items.containsValue(child)).toList().forEach(list::remove);
        Set<String> ids = new HashSet<>();
        shown.forEach(e -> ids.add(e.id()));
        items.entrySet().removeIf(item -> {
            if (ids.contains(item.getKey())) {
                return false;
            }
            list.remove(item.getValue());
            return true;
        });
        for (int i = 0; i < shown.size(); i++) {
            ComplaintEvent event = shown.get(i);
            ListItem item = items.get(event.id());
            if (item == null) {
                item = new ListItem(row(event));
                items.put(event.id(), item);
                list.addComponentAtIndex(i, item);
            } else if (list.getElement().indexOfChild(item.getElement()) != i) {
                list.addComponentAtIndex(i, item);
            }
        }
    }

    private Component row(ComplaintEvent e) {
        Span time = new Span(EventTime.format(e.at(), getLocale()));
        time.addClassName("juare-latest-time");
        Span tracking = new Span(e.trackingNumber() == null ? "—" : e.trackingNumber());
        tracking.addClassName("juare-latest-tracking");
        Span what = new Span(label("live.type.", e.type()));
        what.addClassName("juare-latest-what");
        Span status = new Span(label("live.status.", e.status()));
        status.addClassName("juare-latest-status");
        Span opd = new Span(e.opdCode() == null ? "" : e.opdCode());
        opd.addClassName("juare-latest-opd");

        Component row;
        if (e.complaintId() == null) {
            row = new Div(time, tracking, what, status, opd);
        } else {
            Anchor link = new Anchor("complaint/" + e.complaintId());
            link.add(time, tracking, what, status, opd);
            // the client-side router opens it (no page load), as a RouterLink would, without naming the view
            link.getElement().setAttribute("router-link", true);
            link.getElement().setAttribute("data-complaint-id", e.complaintId());
            row = link;
        }
        row.getElement().getClassList().add("latest-event");
        row.getElement().setAttribute("data-event-id", e.id());
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

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        attach.getUI().getPage().addStyleSheet(JuareFiles.url("live.css"));
    }
}
