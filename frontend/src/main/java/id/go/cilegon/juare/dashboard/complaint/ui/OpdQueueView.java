package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.OpdSearch;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An OPD's open complaints, what falls due first on top, each with the time left on its running clock (the reply
 * clock until the first reply, then the fix clock): amber under a quarter of the clock's span, red when overdue. The
 * countdowns tick every {@value #TICK_MILLIS} ms while the screen is open, without asking the backend; the queue
 * reloads on the OPD's live events. Beside it the selected complaint with its history, and the OPD's actions: reply to
 * the resident, internal note, ask the operators to transfer it, resolve it with after-photos. Admins pick an OPD and
 * look; only the OPD's own staff act (the backend's rule).
 *
 * <p>On a phone (narrower than {@link PhoneLayout#PHONE_MAX_WIDTH} px) there is no split: the queue is a list of cards
 * ({@link OpdQueueCards}), and a tap opens the complaint's own page, where the same actions are.
 */
@Route(value = "opd-queue", layout = MainLayout.class)
@Menu(title = "complaint.nav.opdQueue", order = 30)
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
    private final OpdActions actions;
    /** The desk layout's count (the queue's), and the cards' own. */
    private final Span deskCount;
    private final Span phoneCount = new Span();
    private final OpdQueueCards cards;
    private final SplitLayout desktop;
    private final VerticalLayout phone = new VerticalLayout();
    private final Span legend = new Span();

    private String opdCode;
    private Registration poll;
    /** Null until the browser said how wide it is. */
    private Boolean phoneMode;
    private boolean loaded;

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
        this.deskCount = work.count();
        this.actions = new OpdActions(desk, session, texts, new OpdActions.Screen() {
            @Override
            public StaffComplaint current() {
                return work.current();
            }

            @Override
            public void act(Supplier<StaffComplaint> action, String doneText, boolean leaves, Runnable onDone,
                            Predicate<ComplaintRefused> onField) {
                work.act(action, doneText, leaves, onDone, onField);
            }
        });
        this.cards = new OpdQueueCards(texts);
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
        legend.setText(getTranslation("opdQueue.legend"));
        legend.setId("countdown-legend");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout top = new HorizontalLayout(title, opdSelect, legend);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(legend);
        top.setWidthFull();
        // on a phone the heading, the picker and the legend stack instead of squeezing
        top.getStyle().set("flex-wrap", "wrap");

        desktop = split();
        phoneCount.setId("opd-cards-count");
        phone.setId("opd-queue-phone");
        phone.setPadding(false);
        phone.setWidthFull();
        phone.add(phoneCount, cards);
        add(top, desktop);
    }

    /**
     * The desk layout (queue beside the complaint) or, on a phone, the cards; decided once, when the screen opens
     * (reloads when that came after the first read).
     */
    private void layOut(boolean onPhone) {
        if (phoneMode != null && phoneMode == onPhone) {
            return;
        }
        phoneMode = onPhone;
        if (onPhone) {
            desktop.removeFromParent();
            add(phone);
            setHeight(null);
            // back from a complaint the cards start at the top, most urgent first (the frame keeps the scroll position)
            getElement().executeJs("""
                    const area = this.assignedSlot && this.assignedSlot.parentElement;
                    if (area) { area.scrollTop = 0; }""");
        } else {
            phone.removeFromParent();
            add(desktop);
            setSizeFull();
        }
        if (loaded) {
            reloadQueue(work.currentId(), 0);
        }
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
        VerticalLayout left = new VerticalLayout(deskCount, queue);
        left.setPadding(false);
        left.setSizeFull();

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
        // the browser said how wide it is with the page's first request: a phone reads only the cards
        int width = event.getUI().getPage().getExtendedClientDetails().getWindowInnerWidth();
        if (width > 0) {
            layOut(PhoneLayout.isPhone(width));
        }
        reloadQueue(work.currentId(), 0);
        loaded = true;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        PhoneLayout.loadStyle(attachEvent.getUI());
        if (phoneMode == null) {
            PhoneLayout.decide(attachEvent.getUI(), this::layOut);
        }
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
        return opdCode != null && opdCode.equals(e.opdCode()) || queue.indexOf(e.complaintId()) >= 0
                || cards.rows().stream().anyMatch(c -> c.id().equals(e.complaintId()));
    }

    private void onEvents(List<ComplaintEvent> batch) {
        if (onPhone()) {
            reloadCards();
        } else {
            work.reloadInPlace();
        }
    }

    private boolean onPhone() {
        return Boolean.TRUE.equals(phoneMode);
    }

    /** Re-renders the countdowns as of now. */
    void tick() {
        if (onPhone()) {
            cards.tick(clock.instant());
            return;
        }
        queue.getDataProvider().refreshAll();
        detail.tick();
    }

    private void reloadQueue(String preferId, int fallbackIndex) {
        if (onPhone()) {
            reloadCards();
            return;
        }
        if (opdCode == null) {
            work.showNone(getTranslation("opdQueue.chooseOpd"));
            return;
        }
        work.reload(preferId, fallbackIndex);
    }

    /** On a phone: the queue as cards, no complaint opened beside it (a tap opens its page). */
    private void reloadCards() {
        if (opdCode == null) {
            phoneCount.setText(getTranslation("opdQueue.chooseOpd"));
            cards.show(List.of(), clock.instant());
            return;
        }
        work.call(() -> desk.opdQueue(session, opdCode)).ifPresent(rows -> {
            phoneCount.setText(getTranslation(rows.isEmpty() ? "opdQueue.empty" : "opdQueue.count", rows.size()));
            cards.show(rows, clock.instant());
        });
    }

    private void enableActions(StaffComplaint current) {
        actions.enableFor(current, opdStaff);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("complaint.nav.opdQueue") + " · Juare";
    }
}
