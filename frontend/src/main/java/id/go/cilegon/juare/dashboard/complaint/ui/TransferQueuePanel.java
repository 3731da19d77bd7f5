package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Named;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Complaints an OPD handed back, oldest request first: send it to another OPD (misrouted: the first OPD's time does
 * not count against it) or keep it where it is with a note to the OPD.
 */
class TransferQueuePanel extends SplitLayout {

    /** Events that change what the transfer queue holds. */
    static final Set<String> QUEUE_EVENTS = Set.of("TRANSFER_REQUESTED", "TRANSFER_DECLINED", "REROUTED", "RESOLVED");

    private final ComplaintDesk desk;
    private final CurrentStaff currentStaff;
    private final BackendSession session;
    private final ComplaintTexts texts;
    private final LiveEvents live;
    private final boolean operator;

    private final Span count = new Span();
    private final QueueGrid queue;
    private final ComplaintDetailPanel detail;
    private final ComboBox<Named> opd = new ComboBox<>();
    private final Checkbox misrouted = new Checkbox();
    private final TextField rerouteNote = new TextField();
    private final Button reroute = new Button();
    private final TextField declineNote = new TextField();
    private final Button decline = new Button();
    private StaffComplaint current;

    TransferQueuePanel(ComplaintDesk desk, CurrentStaff currentStaff, LiveEvents live, ComplaintTexts texts, Clock clock,
                       boolean operator) {
        this.desk = desk;
        this.live = live;
        this.currentStaff = currentStaff;
        this.session = currentStaff.session();
        this.texts = texts;
        this.operator = operator;
        this.detail = new ComplaintDetailPanel("transfer-detail", texts, clock);
        this.queue = new QueueGrid("transfer-queue", selected -> selected.ifPresentOrElse(this::open, this::openNothing));
        setSizeFull();

        queue.addColumn(StaffComplaint::trackingNumber).setHeader(getTranslation("intake.column.tracking")).setAutoWidth(true);
        queue.addColumn(c -> c.opd() == null ? "" : c.opd().name()).setHeader(getTranslation("transfer.column.from")).setAutoWidth(true);
        queue.addColumn(c -> c.categoryName(getLocale())).setHeader(getTranslation("complaint.field.category")).setAutoWidth(true);
        queue.addColumn(c -> IntakeView.shorten(c.transferReason(), 80)).setHeader(getTranslation("transfer.column.reason")).setFlexGrow(1);
        queue.setSizeFull();
        count.setId("transfer-count");
        VerticalLayout left = new VerticalLayout(count, queue);
        left.setPadding(false);
        left.setSizeFull();

        opd.setId("reroute-opd");
        opd.setLabel(getTranslation("transfer.reroute.opd"));
        opd.setItemLabelGenerator(Named::name);
        misrouted.setId("reroute-misrouted");
        misrouted.setLabel(getTranslation("transfer.reroute.misrouted"));
        misrouted.setValue(true);
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

        FlexLayout rerouteRow = new FlexLayout(opd, rerouteNote, misrouted, reroute);
        FlexLayout declineRow = new FlexLayout(declineNote, decline);
        for (FlexLayout row : List.of(rerouteRow, declineRow)) {
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("gap", "var(--lumo-space-s)");
        }
        VerticalLayout right = new VerticalLayout(rerouteRow, declineRow, detail);
        right.setSizeFull();
        right.getStyle().set("overflow", "auto");
        detail.setDuplicatesShown(false);

        addToPrimary(left);
        addToSecondary(right);
        setSplitterPosition(45);
        enableActions();
    }

    void setOpds(List<Named> opds) {
        opd.setItems(opds);
    }

    /** Live while shown: the tab sheet attaches only the selected tab, and the subscription ends on detach. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        live.subscribe(this, e -> QUEUE_EVENTS.contains(e.type()) || current != null && current.id().equals(e.complaintId()),
                batch -> reload());
    }

    void reload() {
        String keep = current == null ? null : current.id();
        int at = keep == null ? 0 : Math.max(0, queue.indexOf(keep));
        Optional<List<StaffComplaint>> rows = call(() -> desk.transferQueue(session));
        if (rows.isEmpty()) {
            return;
        }
        count.setText(getTranslation("transfer.count", rows.get().size()));
        queue.setRows(rows.get(), keep, at).ifPresentOrElse(this::open, this::openNothing);
    }

    private void open(StaffComplaint row) {
        Optional<StaffComplaint> loaded = call(() -> desk.complaint(session, row.id())).flatMap(o -> o);
        current = loaded.orElse(null);
        if (current == null) {
            openNothing();
            return;
        }
        detail.show(current);
        opd.clear();
        rerouteNote.clear();
        declineNote.clear();
        misrouted.setValue(true);
        enableActions();
    }

    private void openNothing() {
        current = null;
        detail.showEmpty(getTranslation(queue.rows().isEmpty() ? "transfer.empty" : "complaint.detail.none"));
        enableActions();
    }

    private void enableActions() {
        boolean can = operator && current != null && current.transferRequested();
        for (var c : List.of(opd, misrouted, rerouteNote, reroute, declineNote, decline)) {
            c.setEnabled(can);
        }
    }

    private void reroute() {
        if (current == null) {
            return;
        }
        Named to = opd.getValue();
        if (to == null || current.opd() != null && to.code().equals(current.opd().code())) {
            opd.setInvalid(true);
            opd.setErrorMessage(getTranslation("transfer.reroute.chooseOther"));
            return;
        }
        opd.setInvalid(false);
        StaffComplaint seen = current;
        decide(() -> desk.reroute(session, seen, to.code(), misrouted.getValue(), rerouteNote.getValue()),
                getTranslation("transfer.rerouted", seen.trackingNumber(), to.name()));
    }

    private void decline() {
        if (current == null) {
            return;
        }
        if (declineNote.getValue().isBlank()) {
            declineNote.setInvalid(true);
            declineNote.setErrorMessage(getTranslation("transfer.decline.noteRequired"));
            return;
        }
        declineNote.setInvalid(false);
        StaffComplaint seen = current;
        decide(() -> desk.declineTransfer(session, seen, declineNote.getValue()),
                getTranslation("transfer.declined", seen.trackingNumber()));
    }

    private void decide(Supplier<StaffComplaint> action, String doneText) {
        try {
            action.get();
        } catch (ComplaintRefused refused) {
            Notices.error(texts.refusal(refused));
            if (refused.isStale()) {
                reload();
            }
            return;
        } catch (BackendException e) {
            Notices.failed(e, texts, currentStaff, this::getTranslation);
            return;
        }
        Notices.done(doneText);
        String acted = current == null ? null : current.id();
        int at = Math.max(0, queue.indexOf(acted));
        current = null;
        Optional<List<StaffComplaint>> rows = call(() -> desk.transferQueue(session));
        rows.ifPresent(list -> {
            count.setText(getTranslation("transfer.count", list.size()));
            queue.setRows(list, null, at).ifPresentOrElse(this::open, this::openNothing);
        });
        queue.focus();
    }

    private <T> Optional<T> call(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (BackendException e) {
            Notices.failed(e, texts, currentStaff, this::getTranslation);
            return Optional.empty();
        }
    }
}
