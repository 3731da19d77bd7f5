package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.Countdown;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The OPD queue on a phone: one card per complaint, due first, each a link to the complaint's own page (full screen,
 * with a way back here): tracking number, the running clock in words and colour, category, kelurahan, the text's start.
 */
final class OpdQueueCards extends UnorderedList {

    /** Where the complaint page goes back to. */
    static final String FROM = "opd-queue";

    private final ComplaintTexts texts;
    private List<StaffComplaint> rows = List.of();

    OpdQueueCards(ComplaintTexts texts) {
        this.texts = texts;
        setId("opd-cards");
        addClassName("opd-cards");
    }

    void show(List<StaffComplaint> newRows, Instant now) {
        rows = List.copyOf(newRows);
        removeAll();
        for (StaffComplaint c : rows) {
            add(new ListItem(card(c, now)));
        }
    }

    /** Re-renders the clocks as of now. */
    void tick(Instant now) {
        show(rows, now);
    }

    List<StaffComplaint> rows() {
        return rows;
    }

    private RouterLink card(StaffComplaint c, Instant now) {
        Span number = new Span(c.trackingNumber());
        number.addClassName("opd-card-number");
        Span countdown = CountdownBadge.of(Countdown.of(c, now), texts, null);
        Div head = new Div(number, countdown);
        head.addClassName("opd-card-head");

        Locale locale = getLocale();
        String where = c.kelurahan() == null ? "" : c.kelurahan().name();
        Div line = new Div(new Span(c.categoryName(locale) + (where.isEmpty() ? "" : " · " + where) + " · " + texts.status(c.status())));
        line.addClassName("opd-card-line");
        Div text = new Div(new Span(IntakeView.shorten(c.description(), 140)));
        text.addClassName("opd-card-text");

        RouterLink card = ComplaintView.link(c.id(), FROM);
        card.add(head, line, text);
        card.addClassName("opd-card");
        card.setId("opd-card-" + c.trackingNumber());
        card.getElement().setAttribute("data-tracking-number", c.trackingNumber());
        return card;
    }
}
