package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.OpdSearch;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.Countdown;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Named;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * An OPD's open complaints, what falls due first on top, each with the time left on its running clock (the reply
 * clock until the first reply, then the fix clock): amber under a quarter of the clock's span, red when overdue. The
 * countdowns tick every {@value #TICK_MILLIS} ms while the screen is open, without asking the backend; the queue
 * reloads on the OPD's live events. Beside it the selected complaint with its history, and the OPD's actions: reply to
 * the resident, internal note, ask the operators to transfer it, resolve it with after-photos. Admins pick an OPD and
 * look; only the OPD's own staff act (the backend's rule).
 */
@Route(value = "opd-queue", layout = MainLayout.class)
@RolesAllowed({"OPD_RESPONDER", "OPD_HEAD", "ADMIN"})
public class OpdQueueView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int TICK_MILLIS = 30_000;

    private final ComplaintDesk desk;
    private final BackendSession session;
    private final LiveEvents live;
    private final ComplaintTexts texts;
    private final Clock clock;
    private final boolean opdStaff;

    private final H2 title = new H2();
    private final ComboBox<Named> opdSelect = new ComboBox<>();
    private final QueueDesk work;
    private final QueueGrid queue;
    private final ComplaintDetailPanel detail;
    private final TextArea replyMessage = new TextArea();
    private final Button reply = new Button();
    private final TextArea noteText = new TextArea();
    private final Button note = new Button();
    private final Button requestTransfer = new Button();
    private final Button resolve = new Button();
    private final VerticalLayout actions = new VerticalLayout();

    private String opdCode;
    private Registration poll;

    public OpdQueueView(ComplaintDesk desk, CurrentStaff currentStaff, LiveEvents live, Clock clock) {
        this.desk = desk;
        this.session = currentStaff.session();
        this.live = live;
        this.clock = clock;
        this.texts = new ComplaintTexts(this::getTranslation);
        StaffAccount account = currentStaff.account();
        this.opdStaff = account.role() == StaffRole.OPD_RESPONDER || account.role() == StaffRole.OPD_HEAD;
        this.opdCode = opdStaff && account.opd() != null ? account.opd().code() : null;
        this.work = new QueueDesk(new QueueDesk.Ids("opd-queue", "opd-queue-count", "detail", "opdQueue"), desk, currentStaff, texts,
                this::getTranslation, clock);
        work.wire(() -> desk.opdQueue(session, opdCode), this::enableActions);
        this.detail = work.detail();
        this.queue = work.queue();
        setId("opd-queue-view");
        setSizeFull();

        title.setText(getTranslation("complaint.nav.opdQueue")
                + (opdStaff && account.opd() != null ? " · " + account.opd().name() : ""));
        opdSelect.setId("opd-select");
        opdSelect.setPlaceholder(getTranslation("opdQueue.chooseOpd"));
        opdSelect.setItemLabelGenerator(Named::name);
        opdSelect.setVisible(!opdStaff);
        opdSelect.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                opdCode = change.getValue().code();
                reloadQueue(null, 0);
            }
        });
        Span legend = new Span(getTranslation("opdQueue.legend"));
        legend.setId("countdown-legend");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout top = new HorizontalLayout(title, opdSelect, legend);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(legend);
        top.setWidthFull();

        add(top, split());
    }

    private SplitLayout split() {
        queue.addColumn(new ComponentRenderer<>(c -> CountdownBadge.of(Countdown.of(c, clock.instant()), texts, null)))
                .setHeader(getTranslation("opdQueue.column.due")).setAutoWidth(true);
        queue.addColumn(StaffComplaint::trackingNumber).setHeader(getTranslation("intake.column.tracking")).setAutoWidth(true);
        queue.addColumn(c -> texts.status(c.status())).setHeader(getTranslation("opdQueue.column.status")).setAutoWidth(true);
        queue.addColumn(c -> c.categoryName(getLocale())).setHeader(getTranslation("complaint.field.category")).setAutoWidth(true);
        queue.addColumn(c -> c.kelurahan() == null ? "" : c.kelurahan().name()).setHeader(getTranslation("complaint.field.area"))
                .setAutoWidth(true);
        queue.addColumn(c -> IntakeView.shorten(c.description(), 60)).setHeader(getTranslation("intake.column.description")).setFlexGrow(1);
        queue.setSizeFull();
        VerticalLayout left = new VerticalLayout(work.count(), queue);
        left.setPadding(false);
        left.setSizeFull();

        replyMessage.setId("reply-message");
        replyMessage.setLabel(getTranslation("opdQueue.reply.message"));
        replyMessage.setHelperText(getTranslation("opdQueue.reply.helper"));
        replyMessage.setMaxLength(2000);
        replyMessage.setWidthFull();
        reply.setText(getTranslation("opdQueue.reply"));
        reply.setId("reply");
        reply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reply.addClickListener(click -> reply());

        noteText.setId("internal-note-text");
        noteText.setLabel(getTranslation("opdQueue.note.text"));
        noteText.setMaxLength(2000);
        noteText.setWidthFull();
        note.setText(getTranslation("opdQueue.note"));
        note.setId("internal-note");
        note.addClickListener(click -> addNote());

        requestTransfer.setText(getTranslation("opdQueue.transfer"));
        requestTransfer.setId("request-transfer");
        requestTransfer.addClickListener(click -> openTransfer());
        resolve.setText(getTranslation("opdQueue.resolve"));
        resolve.setId("resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        resolve.addClickListener(click -> openResolve());

        FlexLayout more = new FlexLayout(requestTransfer, resolve);
        more.getStyle().set("gap", "var(--lumo-space-s)");
        actions.setId("opd-actions");
        actions.setPadding(false);
        actions.add(replyMessage, reply, noteText, note, more);
        actions.setVisible(opdStaff);

        VerticalLayout right = new VerticalLayout(actions, new H4(getTranslation("opdQueue.detail")), detail);
        right.setSizeFull();
        right.getStyle().set("overflow", "auto");
        detail.setDuplicatesShown(false);

        SplitLayout split = new SplitLayout(left, right);
        split.setSplitterPosition(55);
        split.setSizeFull();
        enableActions(null);
        return split;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!opdStaff) {
            work.call(() -> desk.activeOpds(session)).ifPresent(list -> opdSelect.setItems(OpdSearch.filter(Named::code, Named::name), list));
        }
        reloadQueue(work.currentId(), 0);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        live.subscribe(this, this::concernsQueue, this::onEvents);
        // the countdowns tick without the backend: a poll only while this screen is open
        attachEvent.getUI().setPollInterval(TICK_MILLIS);
        poll = attachEvent.getUI().addPollListener(tick -> tick());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    private boolean concernsQueue(ComplaintEvent e) {
        return opdCode != null && opdCode.equals(e.opdCode()) || queue.indexOf(e.complaintId()) >= 0;
    }

    private void onEvents(List<ComplaintEvent> batch) {
        work.reloadInPlace();
    }

    /** Re-renders the countdowns as of now. */
    void tick() {
        queue.getDataProvider().refreshAll();
        detail.tick();
    }

    private void reloadQueue(String preferId, int fallbackIndex) {
        if (opdCode == null) {
            work.showNone(getTranslation("opdQueue.chooseOpd"));
            return;
        }
        work.reload(preferId, fallbackIndex);
    }

    private void enableActions(StaffComplaint current) {
        boolean can = opdStaff && current != null && current.isAtOpd();
        for (var c : List.of(replyMessage, reply, noteText, note, resolve)) {
            c.setEnabled(can);
        }
        requestTransfer.setEnabled(can && !current.transferRequested());
    }

    // ---------- the actions ----------

    private void reply() {
        StaffComplaint current = work.current();
        if (current == null) {
            return;
        }
        if (!FieldRefusal.realAnswer(replyMessage, replyMessage.getValue(), this::getTranslation)) {
            return;
        }
        StaffComplaint seen = current;
        work.act(() -> desk.reply(session, seen, replyMessage.getValue()), getTranslation("opdQueue.replied", seen.trackingNumber()),
                false, replyMessage::clear, refused -> FieldRefusal.shown(refused, "message", replyMessage, texts));
    }

    private void addNote() {
        StaffComplaint current = work.current();
        if (current == null) {
            return;
        }
        if (noteText.getValue().strip().length() < 3) {
            noteText.setInvalid(true);
            noteText.setErrorMessage(getTranslation("opdQueue.note.tooShort"));
            return;
        }
        noteText.setInvalid(false);
        String id = current.id();
        work.act(() -> desk.addInternalNote(session, id, noteText.getValue()), getTranslation("opdQueue.noted"), false, noteText::clear);
    }

    private void openTransfer() {
        StaffComplaint current = work.current();
        if (current == null) {
            return;
        }
        StaffComplaint seen = current;
        Dialog dialog = new Dialog();
        dialog.setId("transfer-dialog");
        dialog.setHeaderTitle(getTranslation("opdQueue.transfer.title", seen.trackingNumber()));
        TextArea reason = new TextArea(getTranslation("opdQueue.transfer.reason"));
        reason.setId("transfer-reason");
        reason.setHelperText(getTranslation("opdQueue.transfer.helper"));
        reason.setMaxLength(2000);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("opdQueue.transfer.confirm"));
        confirm.setId("transfer-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            if (reason.getValue().strip().length() < 10) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("opdQueue.transfer.tooShort"));
                return;
            }
            // a refusal (a reason repeated after a decline, say) stays on the field, with the dialog open
            work.act(() -> desk.requestTransfer(session, seen, reason.getValue()),
                    getTranslation("opdQueue.transferred", seen.trackingNumber()), false, dialog::close,
                    refused -> FieldRefusal.shown(refused, "reason", reason, texts));
        });
        Button cancel = new Button(getTranslation("complaint.cancel"), click -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    private void openResolve() {
        StaffComplaint current = work.current();
        if (current == null) {
            return;
        }
        StaffComplaint seen = current;
        ResolveDialog[] dialog = new ResolveDialog[1];
        dialog[0] = new ResolveDialog(seen, desk, session, texts, (text, photoIds) ->
                work.act(() -> desk.resolve(session, seen, text, photoIds), getTranslation("opdQueue.resolved", seen.trackingNumber()),
                        true, () -> dialog[0].close(), refused -> dialog[0].refused(refused)));
        dialog[0].open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("complaint.nav.opdQueue") + " · Juare";
    }
}
