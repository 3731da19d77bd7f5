package id.go.cilegon.juare.dashboard.verification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.complaint.Photo;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import id.go.cilegon.juare.dashboard.verification.VerificationDesk;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * OPERATOR: fixes that closed because the resident did not answer, queued for a check (an after-photo that looks like
 * the resident's photo, or drawn at random), oldest closure first. Each shows the before and after photos side by
 * side, the OPD's note and why it was queued; "Benar selesai" verifies, "Belum selesai" reopens it with a reason.
 */
@Route(value = "verification", layout = MainLayout.class)
@Menu(title = "verification.nav", order = 50)
@RolesAllowed("OPERATOR")
public class VerificationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final VerificationDesk desk;
    private final CurrentStaff currentStaff;
    private final VerticalLayout list = new VerticalLayout();
    private final Button more = new Button();
    private final Span empty = new Span();
    private String cursor;

    public VerificationView(VerificationDesk desk, CurrentStaff currentStaff) {
        this.desk = desk;
        this.currentStaff = currentStaff;
        setWidthFull();

        Button refresh = new Button(getTranslation("verification.refresh"), click -> load());
        refresh.setId("verification-refresh");
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("verification.title")), refresh);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.getStyle().set("flex-wrap", "wrap");
        Paragraph hint = new Paragraph(getTranslation("verification.hint"));
        list.setId("verification-list");
        list.setPadding(false);
        empty.setId("verification-empty");
        empty.setText(getTranslation("verification.none"));
        more.setText(getTranslation("verification.more"));
        more.setId("verification-more");
        more.addClickListener(click -> loadMore());
        add(top, hint, empty, list, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        list.removeAll();
        cursor = null;
        loadMore();
    }

    private void loadMore() {
        try {
            VerificationDesk.Page page = desk.queue(currentStaff.session(), cursor);
            page.items().forEach(item -> list.add(card(item)));
            cursor = page.endCursor();
            more.setVisible(page.hasMore());
            empty.setVisible(list.getComponentCount() == 0);
        } catch (BackendException e) {
            failed(e);
        }
    }

    private Component card(VerificationDesk.Item item) {
        Div card = new Div();
        card.setId("verification-" + item.id());
        card.getElement().setAttribute("data-tracking", item.trackingNumber());
        card.setWidthFull();
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box");

        Anchor number = new Anchor("complaint/" + item.id(), item.trackingNumber());
        H3 heading = new H3(number);
        heading.getStyle().set("margin", "0");
        Span reason = new Span(getTranslation("verification.reason." + item.reason()));
        reason.addClassName("verification-reason");
        reason.getElement().getThemeList().add("badge " + ("SAME_PHOTO".equals(item.reason()) ? "error" : "contrast"));
        Span where = new Span((item.opd() == null ? "" : item.opd().name()) + " · "
                + getTranslation("verification.closedAt", Wib.dateTime(item.closedAt(), getLocale())));
        FlexLayout header = new FlexLayout(heading, reason, where);
        header.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");

        Paragraph description = new Paragraph(item.description());
        description.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div note = new Div(new Span(getTranslation("verification.note") + ": "), new Span(item.resolutionNote() == null ? "–" : item.resolutionNote()));
        note.addClassName("verification-note");

        FlexLayout photos = new FlexLayout(photoColumn("verification.before", item.before()), photoColumn("verification.after", item.after()));
        photos.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        photos.getStyle().set("gap", "var(--lumo-space-m)");
        photos.setWidthFull();

        Button verify = new Button(getTranslation("verification.verify"));
        verify.addClassName("verification-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        TextArea rejectReason = new TextArea(getTranslation("verification.rejectReason"));
        rejectReason.addClassName("verification-reject-reason");
        rejectReason.setMaxLength(2000);
        rejectReason.setWidthFull();
        Button reject = new Button(getTranslation("verification.reject"));
        reject.addClassName("verification-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        verify.addClickListener(click -> answer(card, item, null));
        reject.addClickListener(click -> answer(card, item, rejectReason));
        FlexLayout actions = new FlexLayout(verify, rejectReason, reject);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexComponent.Alignment.END);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        actions.setWidthFull();
        rejectReason.getStyle().set("flex", "1 1 16em");

        card.add(header, description, note, photos, actions);
        return card;
    }

    /** "Sebelum" or "Sesudah": the photos, each opening full size in a new tab. */
    private Component photoColumn(String labelKey, List<Photo> photos) {
        VerticalLayout column = new VerticalLayout();
        column.addClassName(labelKey.substring(labelKey.indexOf('.') + 1));
        column.setPadding(false);
        column.setSpacing(false);
        column.getStyle().set("flex", "1 1 12em").set("min-width", "10em");
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("font-weight", "600");
        column.add(label);
        if (photos.isEmpty()) {
            column.add(new Span("–"));
        }
        for (Photo photo : photos) {
            Image image = new Image(photo.thumbnailSrc(), getTranslation(labelKey));
            image.setMaxWidth("100%");
            image.getStyle().set("border-radius", "var(--lumo-border-radius-m)");
            Anchor full = new Anchor(photo.src(), image);
            full.setTarget("_blank");
            column.add(full);
        }
        return column;
    }

    /** Verifies (reason null) or rejects; a refused reason shows on its field, other refusals as a notice. */
    private void answer(Div card, VerificationDesk.Item item, TextArea reason) {
        try {
            Outcome<VerificationDesk.Item> answer = reason == null
                    ? desk.verify(currentStaff.session(), item)
                    : desk.reject(currentStaff.session(), item, reason.getValue());
            if (!answer.ok()) {
                String message = answer.message();
                if (reason != null && answer.refusesField("reason")) {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                    return;
                }
                notify(message, NotificationVariant.LUMO_ERROR);
                load();
                return;
            }
            notify(getTranslation(reason == null ? "verification.verified" : "verification.rejected", item.trackingNumber()),
                    NotificationVariant.LUMO_SUCCESS);
            list.remove(card);
            empty.setVisible(list.getComponentCount() == 0);
        } catch (BackendException e) {
            failed(e);
        }
    }

    private void failed(BackendException e) {
        notify(getTranslation("error.backend", e.code()), NotificationVariant.LUMO_ERROR);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verification.nav") + " · Juare";
    }
}
