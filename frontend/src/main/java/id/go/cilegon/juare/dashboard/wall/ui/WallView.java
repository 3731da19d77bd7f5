package id.go.cilegon.juare.dashboard.wall.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.Lumo;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import id.go.cilegon.juare.dashboard.commandcentre.Counter;
import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.map.ComplaintMaps;
import id.go.cilegon.juare.dashboard.live.ui.LatestEvents;
import id.go.cilegon.juare.dashboard.live.ui.LiveFigures;
import id.go.cilegon.juare.dashboard.live.ui.LiveStatus;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import id.go.cilegon.juare.dashboard.wall.SessionKeepAlive;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;

/**
 * The command centre on a wall screen: no menu, dark, type readable across the room, no clicks needed. The
 * counters, the OPDs (worst on top) and the latest events, live; a reload every minute besides, for what changes
 * with the clock alone (today's counts). Keeps its HTTP session from timing out while it shows.
 */
@Route("wall")
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN"})
public class WallView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** As the command centre: one reload per burst, at most this often. */
    static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(2);
    /** Today's counts change at midnight and overdue ones as clocks run out, with or without events. */
    static final Duration POLL_EVERY = Duration.ofMinutes(1);

    private final CommandCentreService service;
    private final CurrentStaff currentStaff;

    private final Span asOf = new Span();
    private final FlexLayout counters = new FlexLayout();
    private final Grid<OpdRow> opds = new Grid<>(OpdRow.class, false);
    private final LatestEvents latest = new LatestEvents();
    /** The live city map, above the OPD table. */
    private final Div mapSlot = new Div();
    private Registration keepAlive;
    private Registration poll;

    public WallView(CommandCentreService service, CurrentStaff currentStaff, LiveEvents live, ComplaintMaps maps) {
        this.service = service;
        this.currentStaff = currentStaff;
        setId("wall");
        setSizeFull();
        setPadding(true);
        // dark, and every Lumo size larger: the whole screen scales, the grid and the event list included
        getElement().getThemeList().add(Lumo.DARK);
        getStyle().set("background", "var(--lumo-base-color)").set("color", "var(--lumo-body-text-color)")
                .set("min-height", "100vh").set("box-sizing", "border-box")
                .set("--lumo-font-size-xxxl", "5.5rem").set("--lumo-font-size-xxl", "3.2rem")
                .set("--lumo-font-size-xl", "2.6rem").set("--lumo-font-size-l", "2.1rem")
                .set("--lumo-font-size-m", "1.6rem").set("--lumo-font-size-s", "1.35rem")
                .set("--lumo-font-size-xs", "1.2rem").set("--lumo-font-size-xxs", "1.1rem")
                .set("font-size", "var(--lumo-font-size-m)");

        H1 title = new H1(getTranslation("wall.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        asOf.setId("wall-as-of");
        asOf.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button exit = new Button(getTranslation("wall.exit"), click -> getUI().ifPresent(ui -> ui.navigate("command-centre")));
        exit.setId("wall-exit");
        exit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        exit.getStyle().set("font-size", "1rem");
        HorizontalLayout top = new HorizontalLayout(title, asOf, new LiveStatus(live, true), exit);
        top.setAlignItems(Alignment.BASELINE);
        top.expand(asOf);
        top.setWidthFull();

        counters.setId("wall-counters");
        counters.setWidthFull();
        counters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        counters.getStyle().set("gap", "var(--lumo-space-l)");

        // the figures as wide as their headings, the names get the rest
        opds.addColumn(OpdRow::name).setHeader(getTranslation("cc.opd.name")).setFlexGrow(1);
        opds.addColumn(OpdRow::open).setHeader(getTranslation("cc.opd.open")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        opds.addColumn(OpdRow::replyOverdue).setHeader(getTranslation("cc.opd.replyOverdue")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        opds.addColumn(OpdRow::fixOverdue).setHeader(getTranslation("cc.opd.fixOverdue")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        opds.addColumn(row -> replyTime(row.medianReplySeconds())).setHeader(getTranslation("cc.opd.medianReply"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        opds.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        opds.setAllRowsVisible(true);
        opds.setId("wall-opd-table");

        ComplaintMap map = maps.live();
        map.setId("wall-complaint-map");
        map.setSizeFull();
        mapSlot.add(map);
        mapSlot.setId("wall-map");
        mapSlot.setWidthFull();
        mapSlot.setHeight("48vh");
        mapSlot.getStyle().set("flex-shrink", "0");

        VerticalLayout left = new VerticalLayout(mapSlot, heading("wall.opds"), opds);
        left.setPadding(false);
        left.getStyle().set("flex", "3 1 0").set("min-width", "0");
        VerticalLayout right = new VerticalLayout(heading("wall.latestEvents"), latest);
        right.setPadding(false);
        right.getStyle().set("flex", "2 1 0").set("min-width", "0").set("overflow", "hidden");
        HorizontalLayout main = new HorizontalLayout(left, right);
        main.setWidthFull();
        main.getStyle().set("gap", "var(--lumo-space-xl)");
        expand(main);

        add(top, counters, main);

        LiveFigures.follow(this, live, RELOAD_AT_MOST_EVERY, latest, this::reload);
    }

    private H2 heading(String key) {
        H2 heading = new H2(getTranslation(key));
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "var(--lumo-space-s) 0");
        return heading;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        keepAlive = SessionKeepAlive.hold(ui.getSession().getSession());
        ui.setPollInterval(Math.toIntExact(POLL_EVERY.toMillis()));
        poll = ui.addPollListener(event -> reload());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        detach.getUI().setPollInterval(-1);
        if (keepAlive != null) {
            keepAlive.remove();
            keepAlive = null;
        }
        super.onDetach(detach);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            show(service.overview(currentStaff.session()));
        } catch (BackendException e) {
            // a wall keeps trying: the next event or poll loads it
            asOf.setText(getTranslation("error.backend", e.code()));
        }
    }

    private void reload() {
        LiveFigures.quietReload(this, () -> service.overview(currentStaff.session()), this::show).run();
    }

    private void show(CommandCentreOverview o) {
        asOf.setText(getTranslation("cc.asOf", Wib.time(o.asOf(), getLocale())));
        counters.removeAll();
        Counter.of(o).forEach(c -> counters.add(counter(c)));
        opds.setItems(o.opds());
    }

    /** A big number; red when it is something overdue. */
    private Div counter(Counter c) {
        String id = c.id();
        String hint = c.hintKey() == null ? null : getTranslation(c.hintKey(), c.hintParam());
        boolean alarm = c.alarm();
        Span number = new Span(c.shownValue());
        number.addClassName("counter-value");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "700").set("line-height", "1.1")
                .set("color", alarm ? "var(--lumo-error-text-color)" : "var(--lumo-header-text-color)");
        Span label = new Span(getTranslation(c.labelKey()));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(new Div(label), new Div(number));
        card.setId("wall-counter-" + id);
        card.getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)").set("min-width", "14rem")
                .set("flex", "1 1 0").set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        if (hint != null) {
            Span small = new Span(hint);
            small.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            card.add(new Div(small));
        }
        return card;
    }

    private String replyTime(Integer seconds) {
        ReplyTime time = ReplyTime.of(seconds);
        return getTranslation(time.key(), time.params());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wall.pageTitle") + " · Juare";
    }
}
