package id.go.cilegon.juare.dashboard.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
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
import id.go.cilegon.juare.dashboard.identity.PhoneChangeDesk;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * OPERATOR: residents whose old WhatsApp number is lost and who asked for a new one. The oldest first; a row shows the
 * masked NIK and numbers, the name and the KTP photo (or "at the kelurahan office"); approve, or reject with a reason.
 */
@Route(value = "phone-changes", layout = MainLayout.class)
@Menu(title = "identity.nav", order = 40)
@RolesAllowed("OPERATOR")
public class PhoneChangesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PhoneChangeDesk desk;
    private final CurrentStaff currentStaff;
    private final Grid<PhoneChangeDesk.Request> grid = new Grid<>();
    private final Button more = new Button();
    private final VerticalLayout detail = new VerticalLayout();
    private final List<PhoneChangeDesk.Request> loaded = new ArrayList<>();
    private String cursor;

    public PhoneChangesView(PhoneChangeDesk desk, CurrentStaff currentStaff) {
        this.desk = desk;
        this.currentStaff = currentStaff;
        setSizeFull();

        grid.setId("phone-change-grid");
        grid.addColumn(r -> Wib.dateTime(r.createdAt(), getLocale())).setHeader(getTranslation("identity.col.filed")).setAutoWidth(true);
        grid.addColumn(PhoneChangeDesk.Request::residentName).setHeader(getTranslation("identity.col.name")).setFlexGrow(2);
        grid.addColumn(PhoneChangeDesk.Request::maskedNik).setHeader(getTranslation("identity.col.nik")).setAutoWidth(true);
        grid.addColumn(PhoneChangeDesk.Request::oldMaskedPhone).setHeader(getTranslation("identity.col.old")).setAutoWidth(true);
        grid.addColumn(PhoneChangeDesk.Request::newMaskedPhone).setHeader(getTranslation("identity.col.new")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("identity.proof." + r.proof())).setHeader(getTranslation("identity.col.proof")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));

        Button refresh = new Button(getTranslation("identity.refresh"), click -> load());
        refresh.setId("phone-change-refresh");
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("identity.title")), refresh);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        more.setText(getTranslation("identity.more"));
        more.setId("phone-change-more");
        more.addClickListener(click -> loadMore());
        detail.setId("phone-change-detail");
        detail.setPadding(false);
        detail.setVisible(false);

        HorizontalLayout body = new HorizontalLayout(new VerticalLayout(grid, more), detail);
        body.setSizeFull();
        body.setFlexGrow(3, body.getComponentAt(0));
        body.setFlexGrow(2, detail);
        ((VerticalLayout) body.getComponentAt(0)).setPadding(false);
        ((VerticalLayout) body.getComponentAt(0)).setSizeFull();
        add(top, body);
        expand(body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        loaded.clear();
        cursor = null;
        show(null);
        loadMore();
    }

    private void loadMore() {
        try {
            PhoneChangeDesk.Page page = desk.pending(currentStaff.session(), cursor);
            loaded.addAll(page.requests());
            cursor = page.endCursor();
            more.setVisible(page.hasMore());
            grid.setItems(loaded);
            grid.setEmptyStateText(getTranslation("identity.none"));
        } catch (BackendException e) {
            failed(e);
        }
    }

    private void show(PhoneChangeDesk.Request request) {
        detail.removeAll();
        detail.setVisible(request != null);
        if (request == null) {
            return;
        }
        detail.getElement().setAttribute("data-request", request.id());
        detail.add(new H3(request.residentName()));
        detail.add(line("identity.col.nik", request.maskedNik()), line("identity.col.old", request.oldMaskedPhone()),
                line("identity.col.new", request.newMaskedPhone()),
                line("identity.col.filed", Wib.dateTime(request.createdAt(), getLocale())));
        if (request.ktpPhotoSrc() != null) {
            Image ktp = new Image(request.ktpPhotoSrc(), getTranslation("identity.ktp.alt"));
            ktp.setId("phone-change-ktp");
            ktp.setMaxWidth("100%");
            Anchor full = new Anchor(request.ktpPhotoSrc(), ktp);
            full.setTarget("_blank");
            detail.add(full);
        } else {
            Span proof = new Span(getTranslation("PHOTO".equals(request.proof()) ? "identity.ktp.waiting" : "identity.ktp.office"));
            proof.setId("phone-change-proof");
            detail.add(proof);
        }
        Button approve = new Button(getTranslation("identity.approve"), click -> decide(request, null));
        approve.setId("phone-change-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        TextArea reason = new TextArea(getTranslation("identity.reason"));
        reason.setId("phone-change-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button reject = new Button(getTranslation("identity.reject"), click -> decide(request, reason));
        reject.setId("phone-change-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div hint = new Div(new Span(getTranslation("identity.hint")));
        detail.add(hint, approve, reason, reject);
    }

    private Div line(String labelKey, String value) {
        return new Div(new Span(getTranslation(labelKey) + ": " + value));
    }

    /** Approves (reason null) or rejects; the backend's refusal is shown as it words it. */
    private void decide(PhoneChangeDesk.Request request, TextArea reason) {
        try {
            Outcome<PhoneChangeDesk.Request> decision = reason == null
                    ? desk.approve(currentStaff.session(), request.id())
                    : desk.reject(currentStaff.session(), request.id(), reason.getValue());
            if (!decision.ok()) {
                String message = decision.message();
                if (reason != null && decision.refusesField("reason")) {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                    return;
                }
                notify(message, NotificationVariant.LUMO_ERROR);
                load();
                return;
            }
            notify(getTranslation(reason == null ? "identity.approved" : "identity.rejected", request.residentName()),
                    NotificationVariant.LUMO_SUCCESS);
            load();
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
        return getTranslation("identity.nav") + " · Juare";
    }
}
