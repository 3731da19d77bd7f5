package id.go.cilegon.juare.dashboard.live.ui;

import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.LiveState;

/**
 * A small dot for the live connection: green while events arrive as they happen, grey otherwise; the state in words
 * as its tooltip (and beside it, with {@code withLabel}). {@code data-state} carries the state for tests.
 */
public class LiveStatus extends Span {

    private final Span dot = new Span();
    private final Span label = new Span();

    public LiveStatus(LiveEvents live, boolean withLabel) {
        setId("live-status");
        getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "0.4em");
        dot.getStyle().set("display", "inline-block").set("width", "0.7em").set("height", "0.7em")
                .set("border-radius", "50%");
        add(dot);
        if (withLabel) {
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(label);
        }
        show(live.state());
        live.subscribeState(this, this::show);
    }

    private void show(LiveState state) {
        String text = getTranslation("live.state." + state.name());
        getElement().setAttribute("data-state", state.name().toLowerCase(java.util.Locale.ROOT));
        getElement().setAttribute("title", text);
        getElement().setAttribute("aria-label", text);
        label.setText(text);
        dot.getStyle().set("background", state == LiveState.LIVE ? "var(--lumo-success-color)" : "var(--lumo-contrast-30pct)");
    }
}
