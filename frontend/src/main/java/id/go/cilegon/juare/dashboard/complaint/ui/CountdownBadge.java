package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.Countdown;

/** The time left on the running clock, green, amber (under a quarter of its span) or red (overdue). */
final class CountdownBadge {

    private CountdownBadge() {
    }

    static Span of(Countdown countdown, ComplaintTexts texts, String id) {
        Span badge = new Span(texts.countdown(countdown));
        if (id != null) {
            badge.setId(id);
        }
        badge.addClassNames("countdown", "countdown-" + countdown.level().name().toLowerCase(java.util.Locale.ROOT));
        badge.getElement().setAttribute("data-level", countdown.level().name());
        // Lumo's colours, with fallbacks for Lumo versions without a warning colour
        String[] colours = switch (countdown.level()) {
            case OVERDUE -> new String[] {"var(--lumo-error-color, #e5342f)", "var(--lumo-error-contrast-color, #fff)"};
            case WARNING -> new String[] {"var(--lumo-warning-color, #ffc66d)", "var(--lumo-warning-contrast-color, #2a2000)"};
            case OK -> new String[] {"var(--lumo-success-color-10pct, #e4f6ec)", "var(--lumo-success-text-color, #16723f)"};
            case NONE -> new String[] {"transparent", "var(--lumo-secondary-text-color)"};
        };
        badge.getStyle().set("background", colours[0]).set("color", colours[1])
                .set("padding", "0 var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap");
        return badge;
    }
}
