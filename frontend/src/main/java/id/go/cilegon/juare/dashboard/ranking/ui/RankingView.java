package id.go.cilegon.juare.dashboard.ranking.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.live.LiveState;
import id.go.cilegon.juare.dashboard.ranking.Metric;
import id.go.cilegon.juare.dashboard.ranking.Numbers;
import id.go.cilegon.juare.dashboard.ranking.Period;
import id.go.cilegon.juare.dashboard.ranking.Ranking;
import id.go.cilegon.juare.dashboard.ranking.RankingRow;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import id.go.cilegon.juare.dashboard.ranking.ScoreChart;
import id.go.cilegon.juare.dashboard.ranking.ScorePart;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The OPD ranking for a period: the table (ranked OPDs best first, then those with too few complaints), the score's
 * weights beside it, and the scores as bars. Every number opens the OPD's scorecard with the complaints behind it.
 * Live without polling: events reload the ranking, at most every {@link #RELOAD_AT_MOST_EVERY}, for the period shown.
 * On a phone the table keeps the rank, the OPD, the score and what is overdue now (the scorecard has the rest), and
 * the weights go under the chart.
 */
@Route(value = "ranking", layout = MainLayout.class)
@RolesAllowed({"MAYOR", "OPERATOR", "ADMIN"})
@StyleSheet("context://juare/numbers.css")
public class RankingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The backend recomputes a ranking at most this often too (juare.ranking.live-throttle). */
    static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final RankingService service;
    private final CurrentStaff currentStaff;
    private final PeriodBar periodBar;
    private final Grid<RankingRow> grid = new Grid<>();
    private final Div weights = new Div();
    private final Svg chart = new Svg();
    private final Span asOf = new Span();
    private final Span periodShown = new Span();
    private final Paragraph message = new Paragraph();
    private Period period = Period.DEFAULT;
    private int minComplaints;
    private int fewComplaints;
    private LiveState lastState;
    /** The columns a phone leaves out. */
    private final List<Grid.Column<RankingRow>> wideOnly = new ArrayList<>();
    private Grid.Column<RankingRow> opdColumn;
    private Grid.Column<RankingRow> scoreColumn;
    private Grid.Column<RankingRow> rankColumn;
    private Grid.Column<RankingRow> overdueColumn;
    private Registration resize;

    /** Below this window width (CSS pixels) the table drops to the columns a phone has room for. */
    static final int NARROW_WINDOW = 700;

    public RankingView(RankingService service, CurrentStaff currentStaff, LiveEvents live, Clock clock) {
        this.service = service;
        this.currentStaff = currentStaff;
        setId("ranking-view");
        setWidthFull();
        periodBar = new PeriodBar(clock, chosen -> getUI().ifPresent(ui ->
                ui.navigate(RankingView.class, new QueryParameters(chosen.toQueryParameters()))));

        asOf.setId("ranking-as-of");
        asOf.getStyle().set("color", "var(--lumo-secondary-text-color)");
        periodShown.setId("ranking-period");
        periodShown.getStyle().set("font-weight", "600");
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("ranking.title")), periodShown, asOf);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWidthFull();
        top.addClassName("juare-wrap");
        top.expand(asOf);
        asOf.getStyle().set("text-align", "end");

        message.setId("ranking-message");
        message.setVisible(false);
        message.getStyle().set("color", "var(--lumo-error-text-color)");

        configureGrid();
        weights.setId("score-weights");
        weights.addClassName("juare-ranking-weights");
        chart.setId("score-chart");
        // the svg is as wide as its box: the box must be wide, not shrunk to its content
        chart.getStyle().set("width", "100%").set("max-width", "1200px");
        VerticalLayout chartBox = new VerticalLayout(new H3(getTranslation("ranking.chart.title")), chart);
        chartBox.setPadding(false);
        chartBox.setSpacing(false);
        chartBox.getStyle().set("flex", "1 1 0").set("min-width", "0");
        // the scores at a glance and their weights on top, the figures below (a wall display shows both at once)
        HorizontalLayout chartAndWeights = new HorizontalLayout(chartBox, weights);
        chartAndWeights.setWidthFull();
        chartAndWeights.addClassName("juare-ranking-chart-row");

        add(top, periodBar, message, chartAndWeights, grid);

        live.subscribe(this, event -> true, RELOAD_AT_MOST_EVERY, batch -> reload());
        // whatever happened while the connection was down: one reload when it is back
        live.subscribeState(this, state -> {
            if (state == LiveState.LIVE && lastState != null && lastState != LiveState.LIVE) {
                reload();
            }
            lastState = state;
        });
    }

    private void configureGrid() {
        grid.setId("ranking-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        rankColumn = grid.addComponentColumn(this::position).setHeader(header("ranking.col.rank", null))
                .setWidth("4.5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        opdColumn = grid.addComponentColumn(this::opdCell).setHeader(header("ranking.col.opd", null)).setFlexGrow(1).setWidth("17rem");
        scoreColumn = grid.addComponentColumn(this::scoreCell)
                .setHeader(header("ranking.col.score", "ranking.help.score")).setTextAlign(ColumnTextAlign.END).setWidth("8rem").setFlexGrow(0);
        wideOnly.add(number("ranking.col.received", "ranking.help.received", Metric.RECEIVED, row -> Integer.toString(row.figures().received())));
        wideOnly.add(number("ranking.col.medianReply", "ranking.help.medianReply", Metric.REPLIED, row -> duration(Numbers.duration(row.figures().medianReplySeconds()))));
        wideOnly.add(number("ranking.col.p90Reply", "ranking.help.p90Reply", Metric.REPLIED, row -> duration(Numbers.duration(row.figures().p90ReplySeconds()))));
        wideOnly.add(number("ranking.col.replyOnTime", "ranking.help.replyOnTime", Metric.REPLY_ON_TIME, row -> Numbers.share(row.figures().replyOnTimeShare(), getLocale())));
        wideOnly.add(number("ranking.col.fixOnTime", "ranking.help.fixOnTime", Metric.FIX_ON_TIME, row -> Numbers.share(row.figures().fixOnTimeShare(), getLocale())));
        wideOnly.add(number("ranking.col.openNow", "ranking.help.openNow", Metric.OPEN_NOW, row -> Integer.toString(row.figures().openNow())));
        overdueColumn = number("ranking.col.overdueNow", "ranking.help.overdueNow", Metric.OVERDUE_NOW, row -> Integer.toString(row.figures().overdueNow()));
        wideOnly.add(number("ranking.col.reopenRate", "ranking.help.reopenRate", Metric.REOPENED, row -> Numbers.share(row.figures().reopenRate(), getLocale())));
        wideOnly.add(number("ranking.col.rating", "ranking.help.rating", Metric.RATED, row -> Numbers.rating(row.figures().averageRating(), getLocale())));
        wideOnly.add(number("ranking.col.autoClosed", "ranking.help.autoClosed", Metric.AUTO_CLOSED, row -> Numbers.share(row.figures().autoClosedShare(), getLocale())));
    }

    private Grid.Column<RankingRow> number(String headerKey, String helpKey, Metric metric, Function<RankingRow, String> text) {
        return grid.addComponentColumn(row -> link(row, metric, text.apply(row), metric.name()))
                .setHeader(header(headerKey, helpKey))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6.5rem")
                .setFlexGrow(0);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Page page = attachEvent.getUI().getPage();
        ExtendedClientDetails client = page.getExtendedClientDetails();
        if (client != null) {
            fit(client.getWindowInnerWidth());
        }
        resize = page.addBrowserWindowResizeListener(e -> fit(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
    }

    /** All figures on a desk or a wall; on a phone the rank, the OPD, the score and what is overdue now. */
    private void fit(int windowWidth) {
        boolean narrow = windowWidth > 0 && windowWidth < NARROW_WINDOW;
        grid.getElement().setAttribute("data-narrow", Boolean.toString(narrow));
        wideOnly.forEach(column -> column.setVisible(!narrow));
        rankColumn.setWidth(narrow ? "3rem" : "4.5rem");
        opdColumn.setWidth(narrow ? "8rem" : "17rem");
        scoreColumn.setWidth(narrow ? "5.5rem" : "8rem");
        overdueColumn.setWidth(narrow ? "5rem" : "6.5rem");
    }

    /** The score, under it its uncertainty (± points, the 95 % range on hover) and a "few complaints" mark. */
    private Component scoreCell(RankingRow row) {
        Component score = link(row, Metric.RECEIVED, Numbers.score(row.score(), getLocale()), "score");
        score.getElement().getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-l)");
        Div cell = new Div(score);
        cell.getStyle().set("white-space", "normal");
        if (row.uncertainty() != null && row.scoreLow() != null && row.scoreHigh() != null) {
            Span interval = new Span("\u00b1 " + Numbers.score(row.uncertainty(), getLocale()));
            interval.addClassName("score-uncertainty");
            interval.getElement().setAttribute("data-opd", row.opd().code());
            interval.getElement().setAttribute("title", getTranslation("ranking.score.interval",
                    Numbers.score(row.scoreLow(), getLocale()), Numbers.score(row.scoreHigh(), getLocale()),
                    Numbers.score(row.plainScore(), getLocale())));
            interval.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            cell.add(interval);
        }
        if (row.fewComplaints()) {
            Span few = new Span(getTranslation("ranking.fewComplaints"));
            few.addClassName("few-complaints");
            few.getElement().setAttribute("data-opd", row.opd().code());
            few.getStyle().set("display", "inline-block").set("font-size", "var(--lumo-font-size-xs)")
                    .set("padding", "0 var(--lumo-space-xs)").set("border-radius", "var(--lumo-border-radius-s)")
                    .set("background", "var(--lumo-contrast-10pct)").set("color", "var(--lumo-secondary-text-color)");
            few.getElement().setAttribute("title", getTranslation("ranking.fewComplaints.help", fewComplaints));
            cell.add(few);
        }
        return cell;
    }

    private Component position(RankingRow row) {
        Span position = new Span(row.rank() == null ? Numbers.NONE : row.rank().toString());
        position.getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-l)");
        return position;
    }

    private Component opdCell(RankingRow row) {
        RouterLink name = ScorecardView.link(row.opd().name(), row.opd().code(), period, null);
        name.getStyle().set("font-weight", "600");
        if (row.ranked()) {
            // a long name wraps rather than being cut (a phone has room for a few words a line)
            Div cell = new Div(name);
            cell.getStyle().set("white-space", "normal");
            return cell;
        }
        Span unranked = new Span(getTranslation("ranking.unranked", minComplaints));
        unranked.addClassName("unranked-note");
        unranked.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        Div cell = new Div(name, unranked);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    /** A figure as a link to the complaints behind it, on the OPD's scorecard for this period. */
    private Component link(RankingRow row, Metric metric, String text, String column) {
        RouterLink link = ScorecardView.link(text, row.opd().code(), period, metric);
        link.addClassName("figure-link");
        link.getElement().setAttribute("data-opd", row.opd().code());
        link.getElement().setAttribute("data-column", column);
        link.getElement().setAttribute("title", getTranslation("ranking.drillDown", getTranslation("ranking.metric." + metric.name())));
        if (!row.ranked()) {
            link.getStyle().set("color", "var(--lumo-secondary-text-color)");
        }
        return link;
    }

    private Component header(String key, String helpKey) {
        Span header = new Span(getTranslation(key));
        header.getStyle().set("white-space", "normal");
        if (helpKey != null) {
            header.getElement().setAttribute("title", getTranslation(helpKey));
        }
        return header;
    }

    private String duration(ReplyTime time) {
        return getTranslation(time.key(), time.params());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        period = Period.fromQueryParameters(event.getLocation().getQueryParameters().getParameters());
        periodBar.setValue(period);
        load();
    }

    private void load() {
        try {
            show(service.ranking(currentStaff.session(), period));
            message.setVisible(false);
        } catch (BackendException e) {
            if (e.isSessionOver()) {
                currentStaff.logout();
                return;
            }
            message.setText(getTranslation("error.backend", e.code()));
            message.setVisible(true);
        }
    }

    /** A reload nobody clicked for: failures stay quiet (the live dot tells), an ended sign-in goes to the login. */
    private void reload() {
        try {
            show(service.ranking(currentStaff.session(), period));
        } catch (BackendException e) {
            if (e.isSessionOver()) {
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        }
    }

    private void show(Ranking ranking) {
        minComplaints = ranking.minComplaints();
        fewComplaints = ranking.definition() == null ? 0 : ranking.definition().fewComplaints();
        periodShown.setText(PeriodTexts.range(ranking.period(), getLocale()));
        asOf.setText(getTranslation("ranking.computedAt", Wib.time(ranking.computedAt(), getLocale())));
        grid.setItems(ranking.rows());
        showWeights(ranking);
        List<ScoreChart.Bar> bars = ranking.ranked().stream()
                .filter(row -> row.score() != null)
                .map(row -> new ScoreChart.Bar(row.opd().name(), row.score(),
                        Numbers.score(row.score(), getLocale()) + (row.fewComplaints() ? "*" : ""), row.scoreLow(), row.scoreHigh(),
                        row.fewComplaints()))
                .toList();
        if (bars.isEmpty()) {
            chart.setSvg(ScoreChart.svg(List.of(), getTranslation("ranking.chart.none", minComplaints)));
        } else {
            chart.setSvg(ScoreChart.svg(bars, getTranslation("ranking.chart.title")));
        }
        chart.getElement().setAttribute("data-bars", Integer.toString(bars.size()));
    }

    private void showWeights(Ranking ranking) {
        weights.removeAll();
        weights.add(new H4(getTranslation("ranking.weights.title")));
        double total = ranking.totalWeight();
        for (ScorePart part : ranking.weights()) {
            Span name = new Span(getTranslation("ranking.component." + part.component()));
            name.getElement().setAttribute("title", getTranslation("ranking.component." + part.component() + ".help"));
            Span share = new Span(Numbers.share(total == 0 ? null : part.weight() / total, getLocale()));
            share.getStyle().set("font-weight", "600");
            HorizontalLayout line = new HorizontalLayout(name, share);
            line.setWidthFull();
            line.expand(name);
            line.setId("weight-" + part.component());
            weights.add(line);
        }
        Paragraph formula = new Paragraph(getTranslation("ranking.weights.formula"));
        Paragraph minimum = new Paragraph(getTranslation("ranking.weights.minimum", ranking.minComplaints()));
        List<Paragraph> notes = new java.util.ArrayList<>(List.of(formula, minimum));
        if (ranking.definition() != null && ranking.definition().shrunk()) {
            Paragraph shrunk = new Paragraph(getTranslation("ranking.weights.shrunk",
                    Numbers.score(ranking.definition().priorStrength(), getLocale()), ranking.definition().fewComplaints()));
            shrunk.setId("score-method");
            notes.add(shrunk);
        }
        for (Paragraph p : notes) {
            p.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        }
        weights.add(notes.toArray(Paragraph[]::new));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ranking.title") + " · Juare";
    }
}
