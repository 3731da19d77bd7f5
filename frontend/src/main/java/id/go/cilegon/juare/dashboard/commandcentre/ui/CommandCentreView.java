package id.go.cilegon.juare.dashboard.commandcentre.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview;
import id.go.cilegon.juare.dashboard.commandcentre.ComplaintListFilter;
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
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The command centre: the five counters, the OPDs with the worst on top (with their median reply time), the shift,
 * and the latest events. Live: the figures reload when events come (at most every {@link #RELOAD_AT_MOST_EVERY}),
 * and when the live connection comes back after a break. Every number is a link to the complaints it counts
 * ({@link ComplaintListView}); an OPD's name opens its scorecard. On a phone the rows wrap and the OPD table becomes
 * cards (numbers.css).
 */
@Route(value = "command-centre", layout = MainLayout.class)
@Menu(title = "nav.commandCentre", order = 10)
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN"})
@StyleSheet("context://juare/numbers.css")
public class CommandCentreView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A burst of events costs one reload per screen, and no screen asks the backend more often than this. */
    static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(2);

    private final CommandCentreService service;
    private final CurrentStaff currentStaff;
    private final LatestEvents latest = new LatestEvents();

    private final FlexLayout counters = new FlexLayout();
    private final NativeTable opds = new NativeTable();
    private final Clock clock;
    private final Div shift = new Div();
    private final Span asOf = new Span();

    public CommandCentreView(CommandCentreService service, CurrentStaff currentStaff, LiveEvents live, ComplaintMaps maps,
                             Clock clock) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.clock = clock;
        setSizeFull();
        addClassName("juare-numbers");

        counters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        counters.addClassName("juare-counters");

        opds.setId("opd-table");
        opds.addClassName("juare-table");
        opds.addClassName("juare-cards-on-phone");
        NativeTableRow head = opds.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("cc.opd.name"));
        for (String key : OPD_NUMBER_HEADERS) {
            head.addHeaderCell().setText(getTranslation(key));
        }
        var median = head.addHeaderCell();
        median.setText(getTranslation("cc.opd.medianReply"));
        median.getElement().setAttribute("title", getTranslation("cc.opd.medianReply.hint"));

        Button refresh = new Button(getTranslation("cc.refresh"), click -> load());
        refresh.setId("refresh");
        Button wall = new Button(getTranslation("cc.wallMode"), click -> getUI().ifPresent(ui -> ui.navigate("wall")));
        wall.setId("wall-mode");
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("nav.commandCentre")), asOf, refresh, wall);
        top.setAlignItems(Alignment.BASELINE);
        top.expand(asOf);
        top.setWidthFull();
        top.addClassName("juare-wrap");

        Div opdBox = new Div(opds);
        opdBox.addClassName("juare-table-box");
        add(top, counters, mapAndLatest(maps), new H3(getTranslation("cc.opds")), opdBox,
                new H3(getTranslation("cc.shift")), shift);

        LiveFigures.follow(this, live, RELOAD_AT_MOST_EVERY, latest, this::reload);
    }

    /** The live complaint map under the counters (a click on a complaint opens it), the latest events beside it. */
    private Component mapAndLatest(ComplaintMaps maps) {
        FilteredComplaintMap filtered = maps.filtered();
        ComplaintMap map = filtered.map();
        map.setId("complaint-map");
        map.setHeight("60vh");
        // shares the row with the events: grows into what they leave, never pushes them out (numbers.css); the filter
        // bar goes with the map
        filtered.addClassName("juare-cc-map");
        map.addComplaintClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("complaint/" + click.getComplaintId())));
        VerticalLayout events = new VerticalLayout(new H3(getTranslation("cc.latestEvents")), latest);
        events.setPadding(false);
        // its width is numbers.css's (24rem beside the map, the screen's on a phone): not the layout's default 100 %
        events.setWidth(null);
        events.addClassName("juare-cc-events");
        HorizontalLayout row = new HorizontalLayout(filtered, events);
        row.setWidthFull();
        // on a phone the events go under the map, both as wide as the screen
        row.addClassName("juare-cc-map-row");
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
        showOpds(o.opds());

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

    /** The OPD cells that open a list, by column (ComplaintListFilter.forOpdCell), with their headers. */
    private static final String[] OPD_NUMBER_COLUMNS = {"open", "replyOverdue", "fixOverdue", "total"};
    private static final String[] OPD_NUMBER_HEADERS = {"cc.opd.open", "cc.opd.replyOverdue", "cc.opd.fixOverdue", "cc.opd.total"};

    /** A row per OPD, worst first: its name opens its scorecard, each number the complaints it counts. */
    private void showOpds(java.util.List<OpdRow> rows) {
        var body = opds.getBody();
        body.removeAllRows();
        for (OpdRow row : rows) {
            NativeTableRow line = body.addRow();
            line.getElement().setAttribute("data-opd", row.code());
            NativeTableCell name = line.addDataCell();
            name.addClassName("juare-name");
            Anchor scorecard = new Anchor("ranking/opd/" + row.code(), row.name());
            scorecard.setTitle(getTranslation("cc.opd.scorecard", row.name()));
            name.add(scorecard);
            int[] values = {row.open(), row.replyOverdue(), row.fixOverdue(), row.total()};
            for (int i = 0; i < values.length; i++) {
                NativeTableCell cell = line.addDataCell();
                cell.addClassName("juare-number");
                cell.getElement().setAttribute("data-label", getTranslation(OPD_NUMBER_HEADERS[i]));
                Anchor link = new Anchor(ComplaintListFilter.forOpdCell(row.code(), OPD_NUMBER_COLUMNS[i]).href(),
                        Integer.toString(values[i]));
                link.addClassName("opd-cell-link");
                link.getElement().setAttribute("data-opd", row.code());
                link.getElement().setAttribute("data-column", OPD_NUMBER_COLUMNS[i]);
                link.setTitle(getTranslation("cc.opd.cellList", getTranslation(OPD_NUMBER_HEADERS[i]), row.name()));
                if (i > 0 && i < 3 && values[i] > 0) {
                    link.addClassName("juare-alarm");
                }
                cell.add(link);
            }
            NativeTableCell medianCell = line.addDataCell();
            medianCell.addClassName("juare-number");
            medianCell.getElement().setAttribute("data-label", getTranslation("cc.opd.medianReply"));
            medianCell.setText(replyTime(row.medianReplySeconds()));
        }
    }

    /** A counter card: a link to the complaints it counts, when a filter can select them. */
    private Component counter(Counter c) {
        String id = c.id();
        String hint = c.hintKey() == null ? null : getTranslation(c.hintKey(), c.hintParam());
        Span number = new Span(c.shownValue());
        number.addClassName("counter-value");
        ComplaintListFilter filter = ComplaintListFilter.forCounter(id, clock.instant());
        Component card = filter == null ? new Div() : new Anchor(filter.href(), "");
        HasComponents box = (HasComponents) card;
        box.add(new Div(new Span(getTranslation(c.labelKey()))), new Div(number));
        if (hint != null) {
            Span small = new Span(hint);
            small.addClassName("juare-secondary");
            box.add(new Div(small));
        }
        card.setId("counter-" + id);
        ((HasStyle) card).addClassName("juare-counter");
        if (filter != null) {
            card.getElement().setAttribute("title", getTranslation("cc.counter.list", getTranslation(c.labelKey())));
        }
        if (c.alarm()) {
            ((HasStyle) card).addClassName("juare-alarm");
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.commandCentre") + " · Juare";
    }
}
