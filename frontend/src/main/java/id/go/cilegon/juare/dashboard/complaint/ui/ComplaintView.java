package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;

/**
 * One complaint on its own page ({@code complaint/<id>}), for anyone on staff: the backend decides what each may see,
 * and this page says so plainly when it may not (or there is no such complaint). Reloads itself on the complaint's
 * live events.
 */
@Route(value = "complaint/:id", layout = MainLayout.class)
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN", "OPD_RESPONDER", "OPD_HEAD"})
public class ComplaintView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ComplaintDesk desk;
    private final CurrentStaff currentStaff;
    private final BackendSession session;
    private final LiveEvents live;
    private final ComplaintTexts texts;
    private final ComplaintDetailPanel detail;
    private final Paragraph message = new Paragraph();
    private String complaintId = "";

    public ComplaintView(ComplaintDesk desk, CurrentStaff currentStaff, LiveEvents live, Clock clock) {
        this.desk = desk;
        this.currentStaff = currentStaff;
        this.session = currentStaff.session();
        this.live = live;
        this.texts = new ComplaintTexts(this::getTranslation);
        this.detail = new ComplaintDetailPanel("detail", texts, clock);
        setId("complaint-view");
        message.setId("complaint-message");
        message.setVisible(false);
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H2(getTranslation("complaint.page.title")), message, detail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        complaintId = event.getRouteParameters().get("id").orElse("");
        load();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        live.subscribe(this, e -> complaintId.equals(e.complaintId()), batch -> load());
    }

    private void load() {
        Optional<StaffComplaint> found;
        try {
            found = desk.complaint(session, complaintId);
        } catch (BackendException e) {
            switch (e.code()) {
                case "FORBIDDEN" -> refuse("complaint.page.forbidden");
                case "INVALID_INPUT", "NOT_FOUND" -> refuse("complaint.page.notFound");
                default -> refuse("complaint.page.unavailable");
            }
            return;
        }
        if (found.isEmpty()) {
            refuse("complaint.page.notFound");
            return;
        }
        message.setVisible(false);
        detail.setVisible(true);
        detail.show(found.get());
    }

    private void refuse(String key) {
        message.setText(getTranslation(key));
        message.setVisible(true);
        detail.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        StaffComplaint shown = detail.complaint();
        return (shown == null ? getTranslation("complaint.page.title") : shown.trackingNumber()) + " · Juare";
    }
}
