package id.go.cilegon.juare.dashboard.wall.ui;

import id.go.cilegon.juare.dashboard.base.ui.JuareFiles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.Lumo;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import id.go.cilegon.juare.dashboard.commandcentre.Counter;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.ui.LatestEvents;
import id.go.cilegon.juare.dashboard.live.ui.LiveFigures;
import id.go.cilegon.juare.dashboard.live.ui.LiveStatus;
import id.go.cilegon.juare.dashboard.map.ComplaintMaps;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import id.go.cilegon.juare.dashboard.wall.SessionKeepAlive;
import id.go.cilegon.juare.dashboard.wall.WallProperties;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;

/**
 * The command centre on a wall screen: no menu, dark, no clicks needed, and everything at once on the screen it is
 * on, from 1366×768 to 4K, without scrolling: the counters, the live map, the OPDs (worst on top; a page at a time
 * when they do not all fit, {@link WallOpdTable}) and the latest events. The layout is a CSS grid of the viewport and
 * the type scales with it ({@code juare/wall.css}). Live; a reload every minute besides, for what changes with the
 * clock alone (today's counts). Keeps its HTTP session from timing out while it shows.
 */
@Route("wall")
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN"})
public class WallView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** As the command centre: one reload per burst, at most this often. */
    static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(2);
    /** Today's counts change at midnight and overdue ones as clocks run out, with or without events. */
    static final Duration POLL_EVERY = Duration.ofMinutes(1);

    private final CommandCentreService service;
    private final CurrentStaff currentStaff;

    private final Span asOf = new Span();
    private final Div counters = new Div();
    private final WallOpdTable opds;
    private final LatestEvents latest = new LatestEvents();
    private Registration keepAlive;
    private Registration poll;

    public WallView(CommandCentreService service, CurrentStaff currentStaff, LiveEvents live, ComplaintMaps maps,
                    WallProperties properties) {
        this.service = service;
        this.currentStaff = currentStaff;
        setId("wall");
        addClassName("juare-wall");
        getElement().getThemeList().add(Lumo.DARK);

        H1 title = new H1(getTranslation("wall.title"));
        asOf.setId("wall-as-of");
        asOf.addClassName("juare-wall-as-of");
        Button exit = new Button(getTranslation("wall.exit"), click -> getUI().ifPresent(ui -> ui.navigate("command-centre")));
        exit.setId("wall-exit");
        exit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Header top = new Header(title, asOf, new LiveStatus(live, true), exit);
        top.addClassName("juare-wall-top");

        counters.setId("wall-counters");
        counters.addClassName("juare-wall-counters");

        ComplaintMap map = maps.live();
        map.setId("wall-complaint-map");
        map.setSizeFull();
        Div mapSlot = new Div(map);
        mapSlot.setId("wall-map");
        mapSlot.addClassName("juare-wall-map");

        Span page = new Span();
        page.setId("wall-opd-page");
        page.addClassName("juare-wall-page");
        opds = new WallOpdTable(page, properties.pageEvery());
        Section opdSection = new Section(heading("wall.opds", page), opds);
        opdSection.setId("wall-opds");
        opdSection.addClassName("juare-wall-opds");

        Section events = new Section(heading("wall.latestEvents", null), latest);
        events.setId("wall-events");
        events.addClassName("juare-wall-events");

        add(top, counters, mapSlot, opdSection, events);

        LiveFigures.follow(this, live, RELOAD_AT_MOST_EVERY, latest, this::reload);
    }

    /** A section's heading, with something beside it (the page indicator) if given. */
    private Div heading(String key, Span beside) {
        Div row = new Div(new H2(getTranslation(key)));
        row.addClassName("juare-wall-heading");
        if (beside != null) {
            row.add(beside);
        }
        return row;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        ui.getPage().addStyleSheet(JuareFiles.url("wall.css"));
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

    /** Package-private for a test that shows the wall with more OPDs than the demo data has. */
    void show(CommandCentreOverview o) {
        asOf.setText(getTranslation("cc.asOf", Wib.time(o.asOf(), getLocale())));
        counters.removeAll();
        Counter.of(o).forEach(c -> counters.add(counter(c)));
        opds.show(o.opds());
    }

    /** A big number; red when it is something overdue. */
    private Div counter(Counter c) {
        Span number = new Span(c.shownValue());
        number.addClassName("counter-value");
        Div label = new Div(new Span(getTranslation(c.labelKey())));
        label.addClassName("juare-wall-counter-label");
        Div card = new Div(label, new Div(number));
        card.setId("wall-counter-" + c.id());
        card.addClassName("juare-wall-counter");
        card.getClassNames().set("juare-wall-alarm", c.alarm());
        if (c.hintKey() != null) {
            Div hint = new Div(new Span(getTranslation(c.hintKey(), c.hintParam())));
            hint.addClassName("juare-wall-counter-hint");
            card.add(hint);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wall.pageTitle") + " · Juare";
    }
}
