package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import id.go.cilegon.juare.dashboard.base.OpdSearch;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Named;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.TimelineEntry;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Complaints an OPD handed back, oldest request first: send it to another OPD or keep it where it is with a note to the
 * OPD. Whether the first OPD was simply the wrong one ("misrouted") has no default and needs a reason: it takes the
 * OPD's time off its record, and only does so if it handed the complaint back before its reply deadline (ADR 0022), so
 * the panel says which case this is. On a phone the queue is stacked above the decision; a field the backend refuses
 * shows the refusal itself.
 */
class TransferQueuePanel extends SplitLayout {

    /** Events that change what the transfer queue holds. */
    static final Set<String> QUEUE_EVENTS = Set.of("TRANSFER_REQUESTED", "TRANSFER_DECLINED", "REROUTED", "RESOLVED");

    /** Characters a misrouted reroute's reason needs, as the backend checks it. */
    static final int MIN_REASON = 10;

    /** Below this window width (CSS pixels) the two halves are stacked: side by side, the decision would be a strip. */
    static final int NARROW_WINDOW = 800;

    private final ComplaintDesk desk;
    private final LiveEvents live;
    private final ComplaintTexts texts;
    private final boolean operator;

    private final QueueDesk work;
    private final ComboBox<Named> opd = new ComboBox<>();
    private final RadioButtonGroup<Boolean> misrouted = new RadioButtonGroup<>();
    private final Paragraph handBack = new Paragraph();
    private final TextField rerouteNote = new TextField();
    private final Button reroute = new Button();
    private final TextField declineNote = new TextField();
    private final Button decline = new Button();
    private Registration resize;

    TransferQueuePanel(ComplaintDesk desk, CurrentStaff currentStaff, LiveEvents live, ComplaintTexts texts, Clock clock,
                       boolean operator) {
        this.desk = desk;
        this.live = live;
        this.texts = texts;
        this.operator = operator;
        this.work = new QueueDesk(new QueueDesk.Ids("transfer-queue", "transfer-count", "transfer-detail", "transfer"),
                desk, currentStaff, texts, this::getTranslation, clock);
        work.wire(() -> desk.transferQueue(work.session()), this::opened);
        QueueGrid queue = work.queue();
        setSizeFull();

        queue.addColumn(Waiting.renderer(StaffComplaint::transferRequestedAt, this::getTranslation, getLocale(), clock))
                .setHeader(getTranslation("intake.column.waiting")).setWidth("7.5rem").setFlexGrow(0);
        queue.addColumn(StaffComplaint::trackingNumber).setHeader(getTranslation("intake.column.tracking")).setAutoWidth(true);
        queue.addColumn(c -> c.opd() == null ? "" : c.opd().name()).setHeader(getTranslation("transfer.column.from")).setAutoWidth(true);
        queue.addColumn(c -> c.categoryName(getLocale())).setHeader(getTranslation("complaint.field.category")).setAutoWidth(true);
        queue.addColumn(c -> IntakeView.shorten(c.transferReason(), 80)).setHeader(getTranslation("transfer.column.reason")).setFlexGrow(1);
        queue.setSizeFull();
        VerticalLayout left = new VerticalLayout(work.count(), queue);
        left.setPadding(false);
        left.setSizeFull();

        opd.setId("reroute-opd");
        opd.setLabel(getTranslation("transfer.reroute.opd"));
        opd.setItemLabelGenerator(Named::name);
        misrouted.setId("reroute-misrouted");
        misrouted.setLabel(getTranslation("transfer.reroute.why"));
        misrouted.setItems(true, false);
        misrouted.setItemLabelGenerator(wrong -> getTranslation(wrong ? "transfer.reroute.misrouted" : "transfer.reroute.other"));
        misrouted.setRequired(true);
        handBack.setId("reroute-hand-back");
        handBack.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
        rerouteNote.setId("reroute-note");
        rerouteNote.setLabel(getTranslation("transfer.reroute.note"));
        reroute.setText(getTranslation("transfer.reroute"));
        reroute.setId("reroute");
        reroute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reroute.addClickListener(click -> reroute());
        declineNote.setId("decline-note");
        declineNote.setLabel(getTranslation("transfer.decline.note"));
        decline.setText(getTranslation("transfer.decline"));
        decline.setId("decline-transfer");
        decline.addClickListener(click -> decline());

        // one field a line where there is room for it, the reason beside its button: the long option labels wrap
        // instead of running off a narrow panel, and the OPD's name is not cut off
        opd.getStyle().set("flex", "1 1 100%").set("max-width", "28rem");
        misrouted.getStyle().set("flex", "1 1 100%");
        handBack.getStyle().set("flex", "1 1 100%");
        rerouteNote.getStyle().set("flex", "1 1 14rem");
        declineNote.getStyle().set("flex", "1 1 14rem");
        FlexLayout rerouteRow = new FlexLayout(opd, misrouted, handBack, rerouteNote, reroute);
        FlexLayout declineRow = new FlexLayout(declineNote, decline);
        for (FlexLayout row : List.of(rerouteRow, declineRow)) {
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWidthFull();
            row.getStyle().set("gap", "var(--lumo-space-s)");
        }
        VerticalLayout right = new VerticalLayout(rerouteRow, declineRow, work.detail());
        right.setId("transfer-side");
        right.setSizeFull();
        right.getStyle().set("overflow", "auto");
        work.detail().setDuplicatesShown(false);

        addToPrimary(left);
        addToSecondary(right);
        setSplitterPosition(45);
        opened(null);
    }

    /** Hears each new set of rows (the tab's count). */
    void addRowsListener(java.util.function.Consumer<List<StaffComplaint>> listener) {
        work.queue().addRowsListener(listener);
    }

    void setOpds(List<Named> opds) {
        opd.setItems(OpdSearch.filter(Named::code, Named::name), opds);
    }

    /** Live while shown: the tab sheet attaches only the selected tab, and the subscription ends on detach. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        live.subscribe(this, e -> QUEUE_EVENTS.contains(e.type()) || e.complaintId().equals(work.currentId()),
                batch -> reload());
        Page page = attachEvent.getUI().getPage();
        ExtendedClientDetails client = page.getExtendedClientDetails();
        if (client != null) {
            orient(client.getWindowInnerWidth());
        }
        resize = page.addBrowserWindowResizeListener(e -> orient(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
    }

    /** Side by side on a desk's screen; on a phone the queue above and the decision below, each as wide as the screen. */
    private void orient(int windowWidth) {
        setOrientation(windowWidth > 0 && windowWidth < NARROW_WINDOW ? Orientation.VERTICAL : Orientation.HORIZONTAL);
    }

    void reload() {
        work.reloadInPlace();
    }

    private void opened(StaffComplaint current) {
        if (current != null) {
            opd.clear();
            rerouteNote.clear();
            declineNote.clear();
            misrouted.clear();
            misrouted.setInvalid(false);
            rerouteNote.setInvalid(false);
        }
        String handBackKey = handBackKey(current);
        handBack.setText(handBackKey == null ? "" : getTranslation(handBackKey));
        boolean can = operator && current != null && current.transferRequested();
        for (var c : List.of(opd, misrouted, rerouteNote, reroute, declineNote, decline)) {
            c.setEnabled(can);
        }
    }

    /**
     * Which sentence says whether "misrouted" would excuse the OPD, decided as the backend does (Breaches.excused): by
     * its FIRST transfer request since this assignment began, not the latest one (a request declined in time and
     * repeated after the deadline still counts as in time); null when there is nothing to say.
     */
    static String handBackKey(StaffComplaint current) {
        if (current == null || current.replyDueAt() == null) {
            return null;
        }
        Instant since = current.dispatchedAt();
        Instant handedBack = current.timeline().stream()
                .filter(e -> "TRANSFER_REQUESTED".equals(e.type()) && e.at() != null && (since == null || !e.at().isBefore(since)))
                .map(TimelineEntry::at)
                .min(Comparator.naturalOrder())
                .orElse(current.transferRequestedAt());
        if (handedBack == null) {
            return null;
        }
        return handedBack.isBefore(current.replyDueAt()) ? "transfer.handBack.inTime" : "transfer.handBack.late";
    }

    private void reroute() {
        StaffComplaint seen = work.current();
        if (seen == null) {
            return;
        }
        Named to = opd.getValue();
        if (to == null || seen.opd() != null && to.code().equals(seen.opd().code())) {
            opd.setInvalid(true);
            opd.setErrorMessage(getTranslation("transfer.reroute.chooseOther"));
            return;
        }
        opd.setInvalid(false);
        Boolean wrong = misrouted.getValue();
        misrouted.setInvalid(wrong == null);
        misrouted.setErrorMessage(getTranslation("transfer.reroute.whyRequired"));
        // the same minimum as the backend's (LifecycleService.MIN_MESSAGE) for a misrouted reroute's reason
        boolean reasonMissing = Boolean.TRUE.equals(wrong) && rerouteNote.getValue().strip().length() < MIN_REASON;
        rerouteNote.setInvalid(reasonMissing);
        rerouteNote.setErrorMessage(getTranslation("transfer.reroute.reasonRequired", MIN_REASON));
        if (wrong == null || reasonMissing) {
            return;
        }
        // the backend's own refusal of a field (its minimum may be configured otherwise) goes on that field
        work.act(() -> desk.reroute(work.session(), seen, to.code(), wrong, rerouteNote.getValue()),
                getTranslation("transfer.rerouted", seen.trackingNumber(), to.name()), true, () -> { },
                refused -> FieldRefusal.shown(refused, "note", rerouteNote, texts) || FieldRefusal.shown(refused, "opdCode", opd, texts));
    }

    private void decline() {
        StaffComplaint seen = work.current();
        if (seen == null) {
            return;
        }
        if (declineNote.getValue().isBlank()) {
            declineNote.setInvalid(true);
            declineNote.setErrorMessage(getTranslation("transfer.decline.noteRequired"));
            return;
        }
        declineNote.setInvalid(false);
        // "ok" is not blank, but the backend wants a few characters: its refusal goes on the field
        work.act(() -> desk.declineTransfer(work.session(), seen, declineNote.getValue()),
                getTranslation("transfer.declined", seen.trackingNumber()), true, () -> { },
                refused -> FieldRefusal.shown(refused, "note", declineNote, texts));
    }
}
