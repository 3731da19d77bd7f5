package id.go.cilegon.juare.dashboard.live.ui;

import id.go.cilegon.juare.dashboard.base.ui.JuareFiles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.LiveState;
import java.util.Locale;

/**
 * A small dot for the live connection: green while events arrive as they happen, grey otherwise; the state in words
 * beside it ({@code withLabel}) or for screen readers only, and as its tooltip. It is a {@code role="status"} live
 * region whose text is the state, so a change is announced (an {@code aria-label} on a plain span is not allowed,
 * nor read out when it changes). {@code data-state} carries the state for tests.
 */
public class LiveStatus extends Span {

    private final Span dot = new Span();
    private final Span label = new Span();

    public LiveStatus(LiveEvents live, boolean withLabel) {
        setId("live-status");
        addClassName("juare-live-status");
        getElement().setAttribute("role", "status");
        dot.addClassName("juare-live-dot");
        dot.getElement().setAttribute("aria-hidden", "true");
        label.addClassName(withLabel ? "juare-live-label" : "juare-visually-hidden");
        add(dot, label);
        show(live.state());
        live.subscribeState(this, this::show);
    }

    private void show(LiveState state) {
        String text = getTranslation("live.state." + state.name());
        getElement().setAttribute("data-state", state.name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("title", text);
        label.setText(text);
        dot.getElement().getClassList().set("juare-live-dot-on", state == LiveState.LIVE);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        attach.getUI().getPage().addStyleSheet(JuareFiles.url("hidden.css"));
        attach.getUI().getPage().addStyleSheet(JuareFiles.url("live.css"));
    }
}
