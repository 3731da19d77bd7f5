package id.go.cilegon.juare.dashboard.commandcentre.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview;
import id.go.cilegon.juare.dashboard.commandcentre.Counter;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreService;
import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.ui.LatestEvents;
import id.go.cilegon.juare.dashboard.live.ui.LiveFigures;
import id.go.cilegon.juare.dashboard.map.ComplaintMaps;
import id.go.cilegon.juare.dashboard.map.ui.FilteredComplaintMap;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The command centre: the five counters, the OPDs with the worst on top (with their median reply time), the shift,
 * and the latest events. Live: the figures reload when events come (at most every {@link #RELOAD_AT_MOST_EVERY}),
 * and when the live connection comes back after a break.
 */
@Route(value = "command-centre", layout = MainLayout.class)
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN"})
public class CommandCentreView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A burst of events costs one reload per screen, and no screen asks the backend more often than this. */
    static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(2);

    private final CommandCentreService service;
    private final CurrentStaff currentStaff;
    private final LatestEvents latest = new LatestEvents();

    private final FlexLayout counters = new FlexLayout();
    private final Grid<OpdRow> opds = new Grid<>(OpdRow.class, false);
    private final Div shift = new Div();
    private final Span asOf = new Span();

    public CommandCentreView(CommandCentreService service, CurrentStaff currentStaff, LiveEvents live, ComplaintMaps maps) {
        this.service = service;
        this.currentStaff = currentStaff;
        setSizeFull();

        counters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        counters.getStyle().set("gap", "var(--lumo-space-m)");

        opds.addColumn(OpdRow::name).setHeader(getTranslation("cc.opd.name")).setFlexGrow(3);
        opds.addColumn(OpdRow::open).setHeader(getTranslation("cc.opd.open")).setTextAlign(ColumnTextAlign.END);
        opds.addColumn(OpdRow::replyOverdue).setHeader(getTranslation("cc.opd.replyOverdue")).setTextAlign(ColumnTextAlign.END);
        opds.addColumn(OpdRow::fixOverdue).setHeader(getTranslation("cc.opd.fixOverdue")).setTextAlign(ColumnTextAlign.END);
        opds.addColumn(OpdRow::total).setHeader(getTranslation("cc.opd.total")).setTextAlign(ColumnTextAlign.END);
        Span medianHeader = new Span(getTranslation("cc.opd.medianReply"));
        medianHeader.getElement().setAttribute("title", getTranslation("cc.opd.medianReply.hint"));
        opds.addColumn(row -> replyTime(row.medianReplySeconds())).setHeader(medianHeader).setTextAlign(ColumnTextAlign.END);
        opds.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        opds.setAllRowsVisible(true);
        opds.setId("opd-table");

        Button refresh = new Button(getTranslation("cc.refresh"), click -> load());
        refresh.setId("refresh");
        Button wall = new Button(getTranslation("cc.wallMode"), click -> getUI().ifPresent(ui -> ui.navigate("wall")));
        wall.setId("wall-mode");
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("nav.commandCentre")), asOf, refresh, wall);
        top.setAlignItems(Alignment.BASELINE);
        top.expand(asOf);
        top.setWidthFull();

        add(top, counters, mapAndLatest(maps), new H3(getTranslation("cc.opds")), opds,
                new H3(getTranslation("cc.shift")), shift);

        LiveFigures.follow(this, live, RELOAD_AT_MOST_EVERY, latest, this::reload);
    }

    /** The live complaint map under the counters (a click on a complaint opens it), the latest events beside it. */
    private Component mapAndLatest(ComplaintMaps maps) {
        FilteredComplaintMap filtered = maps.filtered();
        ComplaintMap map = filtered.map();
        map.setId("complaint-map");
        map.setHeight("60vh");
        // shares the row with the events: grows into what they leave, never pushes them out
        filtered.getElement().getStyle().set("flex", "1 1 0").set("min-width", "0");
        map.addComplaintClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("complaint/" + click.getComplaintId())));
        VerticalLayout events = new VerticalLayout(new H3(getTranslation("cc.latestEvents")), latest);
        events.setPadding(false);
        events.setWidth("24rem");
        events.getStyle().set("flex-shrink", "0").set("max-height", "60vh").set("overflow", "auto");
        HorizontalLayout row = new HorizontalLayout(filtered, events);
        row.setWidthFull();
        row.getStyle().set("flex-shrink", "0");
        return row;
    }

    private String replyTime(Integer seconds) {
        ReplyTime time = ReplyTime.of(seconds);
        return getTranslation(time.key(), time.params());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        CommandCentreOverview overview;
        try {
            overview = service.overview(currentStaff.session());
        } catch (BackendException e) {
            if (e.isSessionOver()) {
                currentStaff.logout();
                return;
            }
            Notification.show(getTranslation("error.backend", e.code()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        show(overview);
    }

    private void reload() {
        LiveFigures.quietReload(this, () -> service.overview(currentStaff.session()), this::show).run();
    }

    private void show(CommandCentreOverview o) {
        asOf.setText(getTranslation("cc.asOf", Wib.time(o.asOf(), getLocale())));
        counters.removeAll();
        Counter.of(o).forEach(c -> counters.add(counter(c)));
        opds.setItems(o.opds());

        CommandCentreOverview.Shift s = o.shift();
        shift.removeAll();
        shift.add(new Paragraph(getTranslation("cc.shift.now", getTranslation("shift." + s.shift()), s.start(), s.end())));
        shift.add(new Paragraph(getTranslation("cc.shift.onDuty",
                s.onDuty().isEmpty() ? getTranslation("cc.shift.nobody") : String.join(", ", s.onDuty()))));
        shift.add(new Paragraph(getTranslation("cc.shift.intake", s.intakeToday().stream()
                .map(i -> getTranslation("cc.shift.intakeOne", getTranslation("shift." + i.shift()),
                        i.submitted(), i.dispatched(), i.rejected()))
                .collect(Collectors.joining("; ")))));
    }

    private Div counter(Counter c) {
        String id = c.id();
        String hint = c.hintKey() == null ? null : getTranslation(c.hintKey(), c.hintParam());
        Span number = new Span(c.shownValue());
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        number.addClassName("counter-value");
        Div card = new Div(new Div(new Span(getTranslation(c.labelKey()))), new Div(number));
        if (hint != null) {
            Span small = new Span(hint);
            small.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            card.add(new Div(small));
        }
        card.setId("counter-" + id);
        card.getStyle().set("padding", "var(--lumo-space-m)").set("min-width", "10rem")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.commandCentre") + " · Juare";
    }
}
