package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One complaint on its own page ({@code complaint/<id>}), for anyone on staff: the backend decides what each may see,
 * and this page says so plainly when it may not (or there is no such complaint). Reloads itself on the complaint's
 * live events.
 *
 * <p>The OPD's own staff act on it here too (reply, note, transfer, resolve): on a phone this is where a card of the
 * OPD queue leads. "Back" and Escape return to where the user came from: the screen named by {@code ?from=<route>}
 * (the OPD queue's cards say {@code from=opd-queue}), else the screen seen before, else the start page.
 */
@Route(value = "complaint/:id", layout = MainLayout.class)
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN", "OPD_RESPONDER", "OPD_HEAD"})
public class ComplaintView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter naming the screen to go back to. */
    static final String FROM = "from";
    /** A route of this dashboard, never a URL elsewhere. */
    private static final Pattern ROUTE = Pattern.compile("[a-z][a-z0-9-]{0,40}(/[A-Za-z0-9-]{1,64}){0,3}");

    /*
     * Escape goes back unless it was meant for something else: typing in a field, a dialog (the lightbox, the resolve
     * dialog) that closes on it, or a dropdown.
     */
    private static final String ESCAPE_FILTER = """
            event.key === 'Escape' && !event.defaultPrevented
              && !event.composedPath().some(n => n.localName && (/^(input|textarea|select)$/.test(n.localName)
                  || n.isContentEditable || n.localName.startsWith('vaadin-dialog') || n.localName.endsWith('-overlay')))
              && !document.querySelector('vaadin-dialog[opened], vaadin-dialog-overlay[opened]')""";

    private final ComplaintDesk desk;
    private final CurrentStaff currentStaff;
    private final BackendSession session;
    private final LiveEvents live;
    private final ComplaintTexts texts;
    private final ComplaintDetailPanel detail;
    private final Paragraph message = new Paragraph();
    private final Button back = new Button();
    private final OpdActions actions;
    private final boolean opdStaff;
    private final String ownOpd;
    private String complaintId = "";
    private String backTo = "";
    private DomListenerRegistration escape;

    public ComplaintView(ComplaintDesk desk, CurrentStaff currentStaff, LiveEvents live, Clock clock) {
        this.desk = desk;
        this.currentStaff = currentStaff;
        this.session = currentStaff.session();
        this.live = live;
        this.texts = new ComplaintTexts(this::getTranslation);
        this.detail = new ComplaintDetailPanel("detail", texts, clock);
        StaffAccount account = currentStaff.account();
        this.opdStaff = account.role() == StaffRole.OPD_RESPONDER || account.role() == StaffRole.OPD_HEAD;
        this.ownOpd = opdStaff && account.opd() != null ? account.opd().code() : null;
        this.actions = new OpdActions(desk, session, texts, new OpdActions.Screen() {
            @Override
            public StaffComplaint current() {
                return detail.complaint();
            }

            @Override
            public void act(Supplier<StaffComplaint> action, String doneText, boolean leaves, Runnable onDone,
                            Predicate<ComplaintRefused> onField) {
                acted(action, doneText, leaves, onDone, onField);
            }
        });
        actions.setVisible(false);
        detail.actionsSlot().add(actions);
        setId("complaint-view");
        message.setId("complaint-message");
        message.setVisible(false);
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        back.setId("complaint-back");
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClassName("complaint-back");
        back.addClickListener(click -> goBack());
        add(back, new H2(getTranslation("complaint.page.title")), message, detail);
    }

    /** A link to a complaint's page that goes back to {@code from}. */
    static RouterLink link(String complaintId, String from) {
        RouterLink link = new RouterLink(ComplaintView.class, new RouteParameters("id", complaintId));
        link.setQueryParameters(QueryParameters.of(FROM, from));
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        complaintId = event.getRouteParameters().get("id").orElse("");
        backTo = backTarget(event);
        back.setText(getTranslation(OpdQueueCards.FROM.equals(backTo) ? "complaint.back.opdQueue" : "complaint.back"));
        load();
    }

    private String backTarget(BeforeEnterEvent event) {
        Optional<String> from = event.getLocation().getQueryParameters().getSingleParameter(FROM).filter(f -> ROUTE.matcher(f).matches());
        if (from.isPresent()) {
            return from.get();
        }
        // the screen seen before, when the user came from one in this tab (not another complaint: keep its way back)
        Location before = event.getUI().getInternals().getActiveViewLocation();
        String path = before == null ? "" : before.getPath();
        if (path.startsWith("complaint/")) {
            return backTo;
        }
        return ROUTE.matcher(path).matches() ? path : "";
    }

    private void goBack() {
        getUI().ifPresent(ui -> ui.navigate(backTo));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        PhoneLayout.loadStyle(ui);
        live.subscribe(this, e -> complaintId.equals(e.complaintId()), batch -> load());
        escape = ui.getElement().addEventListener("keydown", key -> goBack()).setFilter(ESCAPE_FILTER);
        // a complaint opens at its top (photos first on a phone), not where the queue's card was scrolled to: the
        // frame's content area keeps its scroll position across screens
        getElement().executeJs("""
                const area = this.assignedSlot && this.assignedSlot.parentElement;
                if (area) { area.scrollTop = 0; }
                window.scrollTo(0, 0);""");
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (escape != null) {
            escape.remove();
            escape = null;
        }
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
        StaffComplaint complaint = found.get();
        detail.show(complaint);
        // the OPD's own staff act on a complaint while it is with their OPD
        boolean ours = opdStaff && complaint.opd() != null && complaint.opd().code().equals(ownOpd) && complaint.isAtOpd();
        actions.setVisible(ours);
        actions.enableFor(complaint, ours);
    }

    /** An OPD action on the complaint shown: told, then the page reloads; when it left the OPD's queue, back to it. */
    private void acted(Supplier<StaffComplaint> action, String doneText, boolean leaves, Runnable onDone,
                       Predicate<ComplaintRefused> onField) {
        try {
            action.get();
        } catch (ComplaintRefused refused) {
            if (onField.test(refused)) {
                return;
            }
            Notices.error(texts.refusal(refused));
            if (refused.isStale()) {
                load();
            }
            return;
        } catch (BackendException e) {
            Notices.failed(e, texts, this::getTranslation);
            return;
        }
        onDone.run();
        Notices.done(doneText);
        if (leaves) {
            goBack();
        } else {
            load();
        }
    }

    private void refuse(String key) {
        message.setText(getTranslation(key));
        message.setVisible(true);
        detail.setVisible(false);
        actions.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        StaffComplaint shown = detail.complaint();
        return (shown == null ? getTranslation("complaint.page.title") : shown.trackingNumber()) + " · Juare";
    }
}
