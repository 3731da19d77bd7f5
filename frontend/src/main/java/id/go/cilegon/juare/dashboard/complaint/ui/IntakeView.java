package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.OpdSearch;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk.ShiftOnDuty;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.RejectReason;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.Named;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.PossibleDuplicate;
import id.go.cilegon.juare.dashboard.live.ComplaintEvent;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import id.go.cilegon.juare.graphql.Lifecycle;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The operators' intake: new complaints oldest first, live; the one selected beside the queue with its photos,
 * possible duplicates and map; and the three decisions (dispatch to an OPD, reject with a reason, mark as a duplicate),
 * each on a key (Alt+D, Alt+R, Alt+U). After a decision the next complaint is selected and the focus is back on the
 * queue. The second tab holds the complaints OPDs handed back. Admins may look; only operators decide (the backend's
 * rule), so their buttons stay off.
 * <p>
 * Operators notice what arrives (issue 13): each tab counts what it holds; a new complaint or transfer request makes a
 * short sound, counts in the tab's title until the operator looks, and shows a desktop notification if they allowed
 * it with the button (notice.js); the queue says how long each complaint has waited.
 */
@Route(value = "intake", layout = MainLayout.class)
@Menu(title = "complaint.nav.intake", order = 20)
@RolesAllowed({"OPERATOR", "ADMIN"})
@StyleSheet("context://juare/numbers.css")
public class IntakeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Events that change what the intake queue holds. */
    static final Set<String> QUEUE_EVENTS = Set.of("SUBMITTED", "DISPATCHED", "REJECTED", "MARKED_DUPLICATE");

    private final ComplaintDesk desk;
    private final BackendSession session;
    private final LiveEvents live;
    private final ComplaintTexts texts;
    private final boolean operator;

    private final Span shift = new Span();
    private final QueueDesk work;
    private final QueueGrid queue;
    private final ComplaintDetailPanel detail;
    private final ComboBox<Named> opd = new ComboBox<>();
    private final TextField dispatchNote = new TextField();
    private final Button dispatch = new Button();
    private final Button reject = new Button();
    private final Button duplicate = new Button();
    private final TransferQueuePanel transfers;
    private final TabSheet tabs = new TabSheet();
    private final Span intakeCount = new Span();
    private final Span transferCount = new Span();
    private final Button notifications = new Button();
    private final Clock clock;

    /** Our script: the sound, the title count, the desktop notification, the waiting times ticking on. */
    static final String NOTICE_SCRIPT = id.go.cilegon.juare.dashboard.base.ui.JuareFiles.url("notice.js");
    /** Runs {@code call} on window.juareNotice once the script is there (it loads with the page, maybe after this). */
    private static final String WITH_NOTICE =
            "const run = () => { if (window.juareNotice) { %s } else { setTimeout(run, 50); } }; run();";

    private List<Named> opds = List.of();

    public IntakeView(ComplaintDesk desk, CurrentStaff currentStaff, LiveEvents live, Clock clock) {
        this.desk = desk;
        this.session = currentStaff.session();
        this.live = live;
        this.texts = new ComplaintTexts(this::getTranslation);
        this.operator = currentStaff.account().role() == StaffRole.OPERATOR;
        this.clock = clock;
        this.work = new QueueDesk(new QueueDesk.Ids("intake-queue", "intake-count", "detail", "intake"), desk, currentStaff, texts,
                this::getTranslation, clock);
        work.wire(() -> desk.intakeQueue(session), this::opened);
        this.detail = work.detail();
        this.queue = work.queue();
        this.transfers = new TransferQueuePanel(desk, currentStaff, live, texts, clock, operator);
        setId("intake-view");
        setSizeFull();

        shift.setId("intake-shift");
        shift.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button refresh = new Button(getTranslation("intake.refresh"), click -> reloadAll());
        refresh.setId("intake-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        notifications.setId("intake-notifications");
        notifications.setText(getTranslation("intake.notify.ask"));
        notifications.setTooltipText(getTranslation("intake.notify.tooltip"));
        notifications.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        notifications.addClickListener(click -> askForNotifications());
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("complaint.nav.intake")), shift, notifications, refresh);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(shift);
        top.setWidthFull();
        top.addClassName("juare-wrap");

        intakeCount.setId("tab-intake-count");
        transferCount.setId("tab-transfer-count");
        Tab intakeTab = tabs.add(new Tab(new Span(getTranslation("intake.tab.intake")), intakeCount), intakePane());
        intakeTab.setId("tab-intake");
        Tab transferTab = tabs.add(new Tab(new Span(getTranslation("intake.tab.transfer")), transferCount), transfers);
        transferTab.setId("tab-transfer");
        queue.addRowsListener(rows -> showCount(intakeCount, rows.size()));
        transfers.addRowsListener(rows -> showCount(transferCount, rows.size()));
        tabs.setSizeFull();
        tabs.addSelectedChangeListener(change -> {
            if (change.getSelectedTab() == transferTab) {
                transfers.reload();
            } else {
                work.reload(work.currentId(), 0);
            }
        });

        // vaadin-tabs keeps its scroller focusable (tabindex=-1): a focusable child of a tablist that is not a tab, which
        // screen readers announce as an empty stop and axe reports (aria-required-children, critical). Two tabs never
        // need keyboard scrolling, so the scroller loses it once the component has drawn itself.
        tabs.getElement().executeJs("""
                const list = this.querySelector('vaadin-tabs');
                customElements.whenDefined('vaadin-tabs').then(() => list.updateComplete).then(() => {
                  const scroller = list.shadowRoot && list.shadowRoot.getElementById('scroll');
                  if (scroller) { scroller.removeAttribute('tabindex'); }
                });""");
        add(top, tabs);
        expand(tabs);
    }

    private SplitLayout intakePane() {
        // four columns that fit half of a 1440 px screen with a vertical scroll bar (their widths add up to about
        // 470 px of the 500 there), one line a row (rows as tall as before: the live queue
        // renders what it shows): how long it waited (filed when, on hover), the number, what and where, the text
        queue.addColumn(Waiting.renderer(StaffComplaint::createdAt, this::getTranslation, getLocale(), clock))
                .setHeader(getTranslation("intake.column.waiting")).setWidth("7rem").setFlexGrow(0).setKey("waiting");
        queue.addColumn(StaffComplaint::trackingNumber).setHeader(getTranslation("intake.column.tracking")).setAutoWidth(true)
                .setFlexGrow(0);
        queue.addColumn(LitRenderer.<StaffComplaint>of("<span title=\"${item.what}\">${item.what}</span>")
                        .withProperty("what", c -> c.categoryName(getLocale())
                                + (c.kecamatan() == null ? "" : " · " + c.kecamatan().name())))
                .setHeader(getTranslation("intake.column.what")).setWidth("10rem").setFlexGrow(0);
        queue.addColumn(LitRenderer.<StaffComplaint>of("<span title=\"${item.text}\">${item.text}</span>")
                        .withProperty("text", c -> shorten(c.description(), 100)))
                .setHeader(getTranslation("intake.column.description")).setFlexGrow(1).setWidth("6rem");
        queue.setSizeFull();
        // Enter on a row: on to the decision, the OPD already chosen
        Shortcuts.addShortcutListener(queue, () -> opd.focus(), Key.ENTER).listenOn(queue);

        VerticalLayout left = new VerticalLayout(work.count(), queue);
        left.setPadding(false);
        left.setSizeFull();

        opd.setId("dispatch-opd");
        opd.setLabel(getTranslation("intake.dispatch.opd"));
        opd.setItemLabelGenerator(Named::name);
        opd.setWidth("18rem");
        dispatchNote.setId("dispatch-note");
        dispatchNote.setLabel(getTranslation("intake.dispatch.note"));
        dispatchNote.setClearButtonVisible(true);

        action(dispatch, "dispatch", "intake.dispatch", "intake.dispatch.tooltip", Key.KEY_D, this::dispatch);
        dispatch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        action(reject, "reject", "intake.reject", "intake.reject.tooltip", Key.KEY_R, this::openReject);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        action(duplicate, "mark-duplicate", "intake.duplicate", "intake.duplicate.tooltip", Key.KEY_U, this::openDuplicate);

        FlexLayout actions = new FlexLayout(opd, dispatchNote, dispatch, reject, duplicate);
        actions.setId("intake-actions");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        // Escape from the decision back to the queue
        Shortcuts.addShortcutListener(actions, () -> queue.focus(), Key.ESCAPE).listenOn(actions);

        VerticalLayout right = new VerticalLayout(actions, detail);
        right.setSizeFull();
        right.getStyle().set("overflow", "auto");
        detail.setDuplicatesShown(true);

        SplitLayout split = new SplitLayout(left, right);
        split.setSplitterPosition(50);
        split.setSizeFull();
        opened(null);
        return split;
    }

    private void action(Button button, String id, String labelKey, String tooltipKey, Key key, Runnable run) {
        button.setText(getTranslation(labelKey));
        button.setId(id);
        button.setTooltipText(getTranslation(tooltipKey));
        button.addClickListener(click -> run.run());
        button.addClickShortcut(key, KeyModifier.ALT);
        // the click fires with the shortcut, so the Alt key never reaches the browser's own menu
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reloadAll();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        live.subscribe(this, this::concernsIntake, this::onEvents);
        attachEvent.getUI().getPage().addJavaScript(NOTICE_SCRIPT);
        notice("window.juareNotice.units({d: $0, h: $1, m: $2, lt: $3});", getTranslation("intake.waiting.unit.day"),
                getTranslation("intake.waiting.unit.hour"), getTranslation("intake.waiting.unit.minute"),
                getTranslation("intake.waiting.underMinute"));
        getElement().executeJs("return window.Notification ? Notification.permission : 'unsupported'")
                .then(String.class, this::showPermission);
    }

    private boolean concernsIntake(ComplaintEvent e) {
        return QUEUE_EVENTS.contains(e.type()) || TransferQueuePanel.QUEUE_EVENTS.contains(e.type())
                || e.complaintId().equals(work.currentId());
    }

    private void onEvents(List<ComplaintEvent> batch) {
        String selected = work.currentId();
        boolean selectedLeft = selected != null && batch.stream()
                .anyMatch(e -> selected.equals(e.complaintId())
                        && !Lifecycle.contains(Lifecycle.WAITING_FOR_OPERATOR, e.status()));
        Set<String> types = new HashSet<>();
        batch.forEach(e -> types.add(e.type()));
        if (types.stream().anyMatch(QUEUE_EVENTS::contains) || selected != null) {
            work.reloadInPlace();
        }
        if (types.stream().anyMatch(TransferQueuePanel.QUEUE_EVENTS::contains)) {
            loadTransferCount();
        }
        if (selectedLeft) {
            Notices.error(getTranslation("intake.takenElsewhere"));
        }
        long complaints = batch.stream().filter(e -> "SUBMITTED".equals(e.type())).count();
        long requests = batch.stream().filter(e -> "TRANSFER_REQUESTED".equals(e.type())).count();
        if (complaints > 0) {
            arrived(complaints, "complaint", getTranslation("intake.notify.complaints", complaints));
        }
        if (requests > 0) {
            arrived(requests, "transfer", getTranslation("intake.notify.transfers", requests));
        }
    }

    /** Tells the browser: sound, title count, desktop notification (notice.js). */
    private void arrived(long count, String kind, String text) {
        notice("window.juareNotice.arrived($0, $1, $2, $3);", (int) count, kind, "Juare", text);
    }

    private void notice(String call, java.io.Serializable... arguments) {
        getElement().executeJs(WITH_NOTICE.formatted(call), arguments);
    }

    /** The browser asks the operator (a click: browsers ask only after one); the button tells the answer. */
    private void askForNotifications() {
        getElement().executeJs("return window.Notification ? Notification.requestPermission() : 'unsupported'")
                .then(String.class, this::showPermission);
    }

    private void showPermission(String permission) {
        String state = permission == null ? "default" : permission;
        notifications.getElement().setAttribute("data-permission", state);
        switch (state) {
            case "granted" -> {
                notifications.setText(getTranslation("intake.notify.on"));
                notifications.setEnabled(false);
            }
            case "denied" -> {
                notifications.setText(getTranslation("intake.notify.blocked"));
                notifications.setEnabled(false);
            }
            case "unsupported" -> notifications.setVisible(false);
            default -> notifications.setText(getTranslation("intake.notify.ask"));
        }
    }

    private void showCount(Span badge, int count) {
        badge.setText(Integer.toString(count));
        badge.getElement().setAttribute("data-count", Integer.toString(count));
        badge.setClassName("juare-tab-count");
        badge.setClassName("juare-tab-count-zero", count == 0);
    }

    /** What waits on the transfer tab, also while another tab is shown. */
    private void loadTransferCount() {
        work.call(() -> desk.transferQueue(session)).ifPresent(rows -> showCount(transferCount, rows.size()));
    }

    private void reloadAll() {
        loadShift();
        loadOpds();
        work.reload(work.currentId(), 0);
        loadTransferCount();
    }

    private void loadShift() {
        work.call(() -> desk.shift(session)).ifPresent(s -> shift.setText(shiftText(s)));
    }

    private String shiftText(ShiftOnDuty s) {
        String who = s.onDuty().isEmpty() ? getTranslation("intake.shift.nobody") : String.join(", ", s.onDuty());
        return getTranslation("intake.shift", getTranslation("shift." + s.shift()), s.start(), s.end(), who);
    }

    private void loadOpds() {
        work.call(() -> desk.activeOpds(session)).ifPresent(list -> {
            opds = list;
            opd.setItems(OpdSearch.filter(Named::code, Named::name), list);
            transfers.setOpds(list);
        });
    }

    /** Fills the decision for the complaint now open (null: none) and enables it for operators. */
    private void opened(StaffComplaint current) {
        if (current == null) {
            opd.clear();
        } else {
            opd.setValue(preselect(current));
            dispatchNote.clear();
        }
        boolean canDecide = operator && current != null && Lifecycle.contains(Lifecycle.WAITING_FOR_OPERATOR, current.status());
        dispatch.setEnabled(canDecide);
        reject.setEnabled(canDecide);
        duplicate.setEnabled(canDecide);
        opd.setEnabled(canDecide);
        dispatchNote.setEnabled(canDecide);
    }

    /** The category's OPD, as the backend suggests it; otherwise none, so the operator has to choose. */
    private Named preselect(StaffComplaint c) {
        if (c.suggestedOpd() == null) {
            return null;
        }
        return opds.stream().filter(o -> o.code().equals(c.suggestedOpd().code())).findFirst().orElse(null);
    }

    // ---------- the decisions ----------

    private void dispatch() {
        StaffComplaint current = work.current();
        if (current == null || !dispatch.isEnabled()) {
            return;
        }
        Named to = opd.getValue();
        if (to == null) {
            opd.setInvalid(true);
            opd.setErrorMessage(getTranslation("intake.dispatch.chooseOpd"));
            opd.focus();
            return;
        }
        opd.setInvalid(false);
        StaffComplaint seen = current;
        decide(() -> desk.dispatch(session, seen, to.code(), dispatchNote.getValue()),
                getTranslation("intake.dispatched", seen.trackingNumber(), to.name()));
    }

    private void openReject() {
        StaffComplaint current = work.current();
        if (current == null || !reject.isEnabled()) {
            return;
        }
        StaffComplaint seen = current;
        Dialog dialog = new Dialog();
        dialog.setId("reject-dialog");
        dialog.setHeaderTitle(getTranslation("intake.reject.title", seen.trackingNumber()));
        RadioButtonGroup<RejectReason> reason = new RadioButtonGroup<>(getTranslation("intake.reject.reason"));
        reason.setId("reject-reason");
        reason.setItems(Arrays.stream(RejectReason.values()).filter(RejectReason::offeredForReject).toList());
        reason.setItemLabelGenerator(texts::rejectReason);
        reason.addThemeName("vertical");
        TextArea note = new TextArea(getTranslation("intake.reject.note"));
        note.setId("reject-note");
        note.setHelperText(getTranslation("intake.reject.note.helper"));
        note.setWidthFull();
        Button confirm = new Button(getTranslation("intake.reject.confirm"));
        confirm.setId("reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        reason.addValueChangeListener(change -> confirm.setEnabled(change.getValue() != null));
        confirm.addClickListener(click -> {
            dialog.close();
            decide(() -> desk.reject(session, seen, reason.getValue(), note.getValue()),
                    getTranslation("intake.rejected", seen.trackingNumber(), texts.rejectReason(reason.getValue())));
        });
        Button cancel = new Button(getTranslation("complaint.cancel"), click -> dialog.close());
        cancel.setId("reject-cancel");
        dialog.add(new VerticalLayout(reason, note));
        dialog.getFooter().add(cancel, confirm);
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                queue.focus();
            }
        });
        dialog.open();
        focusFirstInput(reason);
    }

    private void openDuplicate() {
        StaffComplaint current = work.current();
        if (current == null || !duplicate.isEnabled()) {
            return;
        }
        StaffComplaint seen = current;
        Dialog dialog = new Dialog();
        dialog.setId("duplicate-dialog");
        dialog.setHeaderTitle(getTranslation("intake.duplicate.title", seen.trackingNumber()));
        RadioButtonGroup<PossibleDuplicate> original = new RadioButtonGroup<>(getTranslation("intake.duplicate.candidates"));
        original.setId("duplicate-of");
        original.setItems(seen.possibleDuplicates());
        original.setItemLabelGenerator(d -> d.trackingNumber() + " · " + texts.status(d.status()) + " · " + shorten(d.description(), 60));
        original.addThemeName("vertical");
        original.setVisible(!seen.possibleDuplicates().isEmpty());
        TextField typed = new TextField(getTranslation("intake.duplicate.tracking"));
        typed.setId("duplicate-tracking");
        typed.setPlaceholder("JRX-7K4M");
        typed.setHelperText(getTranslation("intake.duplicate.tracking.helper"));
        typed.setClearButtonVisible(true);
        Button confirm = new Button(getTranslation("intake.duplicate.confirm"));
        confirm.setId("duplicate-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            Optional<String[]> target = duplicateTarget(original.getValue(), typed);
            if (target.isEmpty()) {
                return;
            }
            dialog.close();
            decide(() -> desk.markDuplicate(session, seen, target.get()[0], null),
                    getTranslation("intake.markedDuplicate", seen.trackingNumber(), target.get()[1]));
        });
        Button cancel = new Button(getTranslation("complaint.cancel"), click -> dialog.close());
        cancel.setId("duplicate-cancel");
        dialog.add(new VerticalLayout(original, typed));
        dialog.getFooter().add(cancel, confirm);
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                queue.focus();
            }
        });
        dialog.open();
        if (seen.possibleDuplicates().isEmpty()) {
            typed.focus();
        } else {
            focusFirstInput(original);
        }
    }

    /** The original's id and tracking number: the typed number wins over the list; a clear error when neither works. */
    private Optional<String[]> duplicateTarget(PossibleDuplicate chosen, TextField typed) {
        if (!typed.getValue().isBlank()) {
            Optional<StaffComplaint> found = work.call(() -> desk.byTrackingNumber(session, typed.getValue())).flatMap(o -> o);
            if (found.isEmpty()) {
                typed.setInvalid(true);
                typed.setErrorMessage(getTranslation("intake.duplicate.notFound"));
                return Optional.empty();
            }
            if (found.get().id().equals(work.currentId())) {
                typed.setInvalid(true);
                typed.setErrorMessage(getTranslation("intake.duplicate.itself"));
                return Optional.empty();
            }
            return Optional.of(new String[] {found.get().id(), found.get().trackingNumber()});
        }
        if (chosen == null) {
            typed.setInvalid(true);
            typed.setErrorMessage(getTranslation("intake.duplicate.choose"));
            return Optional.empty();
        }
        return Optional.of(new String[] {chosen.id(), chosen.trackingNumber()});
    }

    /** A decision on what the operator saw: the next complaint comes up and the focus returns to the queue. */
    private void decide(Supplier<StaffComplaint> action, String doneText) {
        work.act(action, doneText, true, () -> { });
    }

    /** Radio groups are not focusable as such: the keyboard starts on their first option. */
    private static void focusFirstInput(com.vaadin.flow.component.Component group) {
        group.getElement().executeJs("requestAnimationFrame(() => { const input = this.querySelector('input'); if (input) input.focus(); })");
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("complaint.nav.intake") + " · Juare";
    }
}
