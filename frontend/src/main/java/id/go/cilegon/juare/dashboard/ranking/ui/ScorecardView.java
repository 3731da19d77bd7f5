package id.go.cilegon.juare.dashboard.ranking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.StaffAccount;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import id.go.cilegon.juare.dashboard.ranking.ComplaintPage;
import id.go.cilegon.juare.dashboard.ranking.Figures;
import id.go.cilegon.juare.dashboard.ranking.Metric;
import id.go.cilegon.juare.dashboard.ranking.Numbers;
import id.go.cilegon.juare.dashboard.ranking.Period;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import id.go.cilegon.juare.dashboard.ranking.Scorecard;
import id.go.cilegon.juare.dashboard.ranking.ScorecardComplaint;
import id.go.cilegon.juare.dashboard.ranking.ScorePart;
import id.go.cilegon.juare.dashboard.ranking.TemplateReplies;
import id.go.cilegon.juare.dashboard.ranking.TransferRequests;
import id.go.cilegon.juare.dashboard.ranking.TrendChart;
import id.go.cilegon.juare.dashboard.ranking.TrendDay;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OPD's scorecard for a period ({@code ranking/opd/<code>?period=...&metric=...}): its score and the parts of
 * it, every figure (each opens the complaints behind it, a page at a time), and the trend by day. The mayor, operators
 * and admins see any OPD; OPD staff their own (the backend holds the same rule).
 */
@Route(value = "ranking/opd/:opdCode", layout = MainLayout.class)
@RolesAllowed({"MAYOR", "OPERATOR", "ADMIN", "OPD_RESPONDER", "OPD_HEAD"})
public class ScorecardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final Set<StaffRole> OWN_OPD_ONLY = Set.of(StaffRole.OPD_RESPONDER, StaffRole.OPD_HEAD);
    static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final RankingService service;
    private final CurrentStaff currentStaff;
    private final PeriodBar periodBar;
    private final H2 title = new H2();
    private final Span periodShown = new Span();
    private final Paragraph message = new Paragraph();
    private final Div score = new Div();
    private final FlexLayout figures = new FlexLayout();
    private final Map<Metric, Div> figureCards = new EnumMap<>(Metric.class);
    private final Svg replyTrend = new Svg();
    private final Svg shareTrend = new Svg();
    private final H3 listTitle = new H3();
    private final Span listed = new Span();
    private final Grid<ScorecardComplaint> complaints = new Grid<>();
    private final Button loadMore = new Button();
    private final Div content = new Div();

    private String opdCode = "";
    private Period period = Period.DEFAULT;
    private Metric metric = Metric.RECEIVED;
    private Scorecard scorecard;
    private RankingService.Names names = RankingService.Names.NONE;
    private final List<ScorecardComplaint> shown = new ArrayList<>();
    private String cursor;

    public ScorecardView(RankingService service, CurrentStaff currentStaff, LiveEvents live, Clock clock) {
        this.service = service;
        this.currentStaff = currentStaff;
        setId("scorecard-view");
        setWidthFull();
        periodBar = new PeriodBar(clock, chosen -> getUI().ifPresent(ui ->
                ui.navigate(ScorecardView.class, new RouteParameters("opdCode", opdCode), query(chosen, metric))));

        title.setId("scorecard-title");
        periodShown.setId("scorecard-period");
        periodShown.getStyle().set("font-weight", "600");
        HorizontalLayout top = new HorizontalLayout(title, periodShown);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        message.setId("scorecard-message");
        message.setVisible(false);
        message.getStyle().set("color", "var(--lumo-error-text-color)");

        score.setId("scorecard-score");
        figures.setId("scorecard-figures");
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-s)");
        for (Svg chart : List.of(replyTrend, shareTrend)) {
            chart.getStyle().set("width", "100%");
            chart.getStyle().set("max-width", "1100px");
        }
        replyTrend.setId("trend-reply-time");
        shareTrend.setId("trend-on-time");

        configureList();
        HorizontalLayout listHeader = new HorizontalLayout(listTitle, listed);
        listHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        listTitle.setId("complaints-title");

        content.setWidthFull();
        content.add(score, new H3(getTranslation("ranking.scorecard.figures")), figures,
                new H3(getTranslation("ranking.scorecard.trend")), replyTrend, shareTrend,
                listHeader, complaints, loadMore);
        add(top, periodBar, message, content);

        live.subscribe(this, event -> opdCode.equals(event.opdCode()), RELOAD_AT_MOST_EVERY, batch -> reloadFigures());
    }

    /** A link to this view: an OPD's scorecard for a period, with a figure's complaints open (null: the default). */
    static RouterLink link(String text, String opdCode, Period period, Metric metric) {
        RouterLink link = new RouterLink(text, ScorecardView.class, new RouteParameters("opdCode", opdCode));
        link.setQueryParameters(query(period, metric));
        return link;
    }

    static QueryParameters query(Period period, Metric metric) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(period.toQueryParameters());
        if (metric != null) {
            parameters.put("metric", List.of(metric.name()));
        }
        return new QueryParameters(parameters);
    }

    private void configureList() {
        complaints.setId("scorecard-complaints");
        complaints.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        complaints.setAllRowsVisible(true);
        complaints.addColumn(ScorecardComplaint::trackingNumber).setHeader(getTranslation("ranking.list.trackingNumber")).setAutoWidth(true);
        complaints.addColumn(c -> names.category(c.categoryCode())).setHeader(getTranslation("ranking.list.category")).setFlexGrow(2);
        complaints.addColumn(c -> names.kecamatan(c.kecamatanCode())).setHeader(getTranslation("ranking.list.kecamatan")).setAutoWidth(true);
        complaints.addColumn(c -> getTranslation("complaint.status." + c.status())).setHeader(getTranslation("ranking.list.status")).setAutoWidth(true);
        complaints.addColumn(c -> when(c.receivedAt())).setHeader(getTranslation("ranking.list.receivedAt")).setAutoWidth(true);
        complaints.addColumn(c -> duration(Numbers.duration(c.replySeconds()))).setHeader(getTranslation("ranking.list.replyTime"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        complaints.addColumn(c -> yesNo(c.replyOnTime())).setHeader(getTranslation("ranking.list.replyOnTime")).setAutoWidth(true);
        complaints.addColumn(c -> when(c.resolvedAt())).setHeader(getTranslation("ranking.list.resolvedAt")).setAutoWidth(true);
        complaints.addColumn(c -> yesNo(c.fixOnTime())).setHeader(getTranslation("ranking.list.fixOnTime")).setAutoWidth(true);
        complaints.addColumn(this::notes).setHeader(getTranslation("ranking.list.notes")).setFlexGrow(2);
        complaints.addItemClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("complaint/" + click.getItem().complaintId())));
        complaints.getElement().setAttribute("title", getTranslation("ranking.list.open"));
        listed.setId("complaints-listed");
        listed.getStyle().set("color", "var(--lumo-secondary-text-color)");
        loadMore.setText(getTranslation("ranking.list.more"));
        loadMore.setId("load-more");
        loadMore.addClickListener(click -> loadComplaints(false));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String asked = event.getRouteParameters().get("opdCode").orElse("");
        StaffAccount account = currentStaff.account();
        // OPD staff see their own OPD's scorecard only: another code leads to their own
        if (OWN_OPD_ONLY.contains(account.role()) && account.opd() != null && !account.opd().code().equals(asked)) {
            event.forwardTo(ScorecardView.class, new RouteParameters("opdCode", account.opd().code()));
            return;
        }
        opdCode = asked;
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        period = Period.fromQueryParameters(parameters);
        metric = Metric.parse(parameters.getOrDefault("metric", List.of()).stream().findFirst().orElse(null), Metric.RECEIVED);
        periodBar.setValue(period);
        load();
    }

    private void load() {
        try {
            if (names == RankingService.Names.NONE) {
                names = service.names(currentStaff.session(), getLocale());
            }
            showScorecard(service.scorecard(currentStaff.session(), opdCode, period));
            message.setVisible(false);
            content.setVisible(true);
            loadComplaints(true);
        } catch (BackendException e) {
            failed(e);
        }
    }

    private void failed(BackendException e) {
        message.setText(switch (e.code()) {
            case "FORBIDDEN" -> getTranslation("ranking.scorecard.forbidden");
            case "NOT_FOUND" -> getTranslation("ranking.scorecard.notFound", opdCode);
            default -> getTranslation("error.backend", e.code());
        });
        message.setVisible(true);
        content.setVisible(scorecard != null);
    }

    private void reloadFigures() {
        try {
            showScorecard(service.scorecard(currentStaff.session(), opdCode, period));
        } catch (BackendException e) {
            // quiet: the live dot tells; an ended sign-in passes by to the session's error handler
        }
    }

    private void showScorecard(Scorecard card) {
        scorecard = card;
        title.setText(getTranslation("ranking.scorecard.title", card.opd().name()));
        periodShown.setText(PeriodTexts.range(card.period(), getLocale()));
        showScore(card);
        showFigures(card.figures());
        showTemplateReplies(card.templateReplies());
        showTransferRequests(card.transferRequests());
        showUnverified(card.figures(), card.definition());
        showTrend(card.trend());
        listTitle.setText(getTranslation("ranking.list.title", getTranslation("ranking.metric." + metric.name())));
    }

    private void showScore(Scorecard card) {
        score.removeAll();
        Span value = new Span(Numbers.score(card.score(), getLocale()));
        value.setId("scorecard-score-value");
        value.getStyle().set("font-size", "3rem").set("font-weight", "700").set("line-height", "1");
        Span rank = new Span(card.ranked() && card.rank() != null
                ? getTranslation("ranking.scorecard.rank", card.rank())
                : getTranslation("ranking.unranked", card.minComplaints()));
        rank.setId("scorecard-rank");
        Div head = new Div(new Div(new Span(getTranslation("ranking.col.score"))), value);
        if (card.uncertainty() != null && card.scoreLow() != null && card.scoreHigh() != null) {
            Span interval = new Span(getTranslation("ranking.scorecard.interval", Numbers.score(card.uncertainty(), getLocale()),
                    Numbers.score(card.scoreLow(), getLocale()), Numbers.score(card.scoreHigh(), getLocale())));
            interval.setId("scorecard-score-interval");
            interval.getElement().setAttribute("title", getTranslation("ranking.score.interval",
                    Numbers.score(card.scoreLow(), getLocale()), Numbers.score(card.scoreHigh(), getLocale()),
                    Numbers.score(card.plainScore(), getLocale())));
            interval.getStyle().set("color", "var(--lumo-secondary-text-color)");
            head.add(new Div(interval));
        }
        if (card.fewComplaints()) {
            Span few = new Span(getTranslation("ranking.fewComplaints"));
            few.setId("scorecard-few-complaints");
            few.getElement().setAttribute("title", getTranslation("ranking.fewComplaints.help",
                    card.definition() == null ? 0 : card.definition().fewComplaints()));
            few.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "0 var(--lumo-space-xs)")
                    .set("border-radius", "var(--lumo-border-radius-s)").set("background", "var(--lumo-contrast-10pct)");
            head.add(new Div(few));
        }
        head.add(new Div(rank));
        head.getStyle().set("min-width", "12rem");

        Grid<ScorePart> parts = new Grid<>();
        parts.setId("score-parts");
        parts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        parts.setAllRowsVisible(true);
        parts.addComponentColumn(p -> {
            Span name = new Span(getTranslation("ranking.component." + p.component()));
            name.getElement().setAttribute("title", getTranslation("ranking.component." + p.component() + ".help"));
            return name;
        }).setHeader(getTranslation("ranking.parts.component")).setFlexGrow(3);
        parts.addColumn(p -> Numbers.decimal(p.weight(), 0, getLocale())).setHeader(getTranslation("ranking.parts.weight"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        parts.addColumn(p -> Numbers.share(p.value(), getLocale())).setHeader(getTranslation("ranking.parts.value"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        parts.addColumn(p -> Numbers.share(p.plainValue(), getLocale())).setHeader(getTranslation("ranking.parts.plainValue"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        parts.setItems(card.scoreParts());
        parts.setWidth("34rem");
        Paragraph help = new Paragraph(getTranslation("ranking.weights.formula"));
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("max-width", "28rem");
        HorizontalLayout row = new HorizontalLayout(head, parts, help);
        row.setAlignItems(FlexComponent.Alignment.START);
        score.add(row);
    }

    private void showFigures(Figures f) {
        figures.removeAll();
        figureCards.clear();
        figure(Metric.RECEIVED, f, null);
        figure(Metric.MISROUTED_AWAY, f, null);
        figure(Metric.REPLIED, f, getTranslation("ranking.figure.replyTimes",
                duration(Numbers.duration(f.medianReplySeconds())), duration(Numbers.duration(f.p90ReplySeconds()))));
        figure(Metric.REPLY_ON_TIME, f, getTranslation("ranking.figure.shareOf", Numbers.share(f.replyOnTimeShare(), getLocale()), f.replyDecided()));
        figure(Metric.REPLY_LATE, f, null);
        figure(Metric.FIX_ON_TIME, f, getTranslation("ranking.figure.shareOf", Numbers.share(f.fixOnTimeShare(), getLocale()), f.fixDecided()));
        figure(Metric.FIX_LATE, f, null);
        figure(Metric.RESOLVED, f, null);
        figure(Metric.REOPENED, f, getTranslation("ranking.figure.shareOf", Numbers.share(f.reopenRate(), getLocale()), f.resolved()));
        figure(Metric.RATED, f, getTranslation("ranking.figure.averageRating", Numbers.rating(f.averageRating(), getLocale())));
        figure(Metric.CLOSED, f, null);
        figure(Metric.AUTO_CLOSED, f, getTranslation("ranking.figure.shareOf", Numbers.share(f.autoClosedShare(), getLocale()), f.closed()));
        figure(Metric.OPEN_NOW, f, null);
        figure(Metric.OVERDUE_NOW, f, null);
        markChosen();
    }

    /** Not a drill-down: the share of the OPD's replies that were templates (ADR 0018), after the figures. */
    private void showTemplateReplies(TemplateReplies t) {
        if (t == null) {
            return;
        }
        sideCard("TEMPLATE_REPLIES", "ranking.templateReplies", Numbers.share(t.share(), getLocale()),
                getTranslation("ranking.templateReplies.detail", t.templates(), t.replies()));
    }

    /** Not a drill-down either: transfer requests, repeated ones and declines (ADR 0022). */
    private void showTransferRequests(TransferRequests t) {
        if (t == null) {
            return;
        }
        sideCard("TRANSFER_REQUESTS", "ranking.transferRequests", Integer.toString(t.requests()),
                getTranslation("ranking.transferRequests.detail", t.repeated(), t.declined()));
    }

    /** Not a drill-down: auto-closed fixes no operator verified, and what the definition credits them (ADR 0021). */
    private void showUnverified(Figures f, id.go.cilegon.juare.dashboard.ranking.RankingDefinition definition) {
        if (f == null) {
            return;
        }
        double credit = definition == null ? 1.0 : definition.credit();
        sideCard("UNVERIFIED_AUTO_CLOSED", "ranking.unverified", Integer.toString(f.autoClosedUnverified()),
                getTranslation("ranking.unverified.detail", f.autoClosedVerified(), f.fixOnTimeUnverified(),
                        Numbers.share(credit, getLocale())));
    }

    /** A dashed card after the figures: something shown beside them, not a figure of the score and not a list. */
    private void sideCard(String id, String key, String shown, String detail) {
        Span value = new Span(shown);
        value.addClassName("figure-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        Span small = new Span(detail);
        small.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(new Div(new Span(getTranslation(key))), new Div(value), new Div(small));
        card.setId("figure-" + id);
        card.addClassName("figure-card");
        card.getElement().setAttribute("title", getTranslation(key + ".help"));
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "11rem")
                .set("border-radius", "var(--lumo-border-radius-l)").set("border", "1px dashed var(--lumo-contrast-20pct)");
        figures.add(card);
    }

    private void figure(Metric m, Figures f, String detail) {
        Span value = new Span(Integer.toString(m.count(f)));
        value.addClassName("figure-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        Div card = new Div(new Div(new Span(getTranslation("ranking.metric." + m.name()))), new Div(value));
        if (detail != null) {
            Span small = new Span(detail);
            small.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            card.add(new Div(small));
        }
        card.setId("figure-" + m.name());
        card.addClassName("figure-card");
        card.getElement().setAttribute("title", getTranslation("ranking.metric." + m.name() + ".help"));
        card.getElement().setAttribute("role", "button");
        card.getElement().setAttribute("tabindex", "0");
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "11rem").set("cursor", "pointer")
                .set("border-radius", "var(--lumo-border-radius-l)");
        card.getElement().addEventListener("click", click -> choose(m));
        card.getElement().addEventListener("keydown", key -> choose(m)).setFilter("event.key === 'Enter' || event.key === ' '");
        figureCards.put(m, card);
        figures.add(card);
    }

    private void choose(Metric chosen) {
        metric = chosen;
        markChosen();
        listTitle.setText(getTranslation("ranking.list.title", getTranslation("ranking.metric." + metric.name())));
        // the address follows, so a reload or a shared link opens the same list
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(
                RouteConfiguration.forSessionScope().getUrl(ScorecardView.class, new RouteParameters("opdCode", opdCode)),
                query(period, metric))));
        try {
            loadComplaints(true);
        } catch (BackendException e) {
            failed(e);
        }
    }

    private void markChosen() {
        figureCards.forEach((m, card) -> {
            boolean chosen = m == metric;
            card.getStyle().set("border", chosen ? "2px solid var(--lumo-primary-color)" : "1px solid var(--lumo-contrast-20pct)")
                    .set("background", chosen ? "var(--lumo-primary-color-10pct)" : "var(--lumo-base-color)");
            card.getElement().setAttribute("aria-pressed", Boolean.toString(chosen));
        });
    }

    private void showTrend(List<TrendDay> trend) {
        List<String> days = trend.stream().map(d -> d.day().getDayOfMonth() + "/" + d.day().getMonthValue()).toList();
        List<Double> hours = trend.stream().map(d -> d.medianReplySeconds() == null ? null : d.medianReplySeconds() / 3600).toList();
        double top = TrendChart.niceCeiling(hours.stream().filter(h -> h != null).mapToDouble(Double::doubleValue).max().orElse(1));
        replyTrend.setSvg(TrendChart.svg(getTranslation("ranking.trend.replyTime"), days,
                List.of(new TrendChart.Series(getTranslation("ranking.trend.medianReply"), "var(--lumo-primary-color, #1676f3)", hours)),
                top, h -> getTranslation("ranking.trend.hours", Numbers.decimal(h, h < 10 && h != Math.rint(h) ? 1 : 0, getLocale()))));
        shareTrend.setSvg(TrendChart.svg(getTranslation("ranking.trend.onTime"), days, List.of(
                new TrendChart.Series(getTranslation("ranking.component.REPLY_ON_TIME"), "var(--lumo-primary-color, #1676f3)",
                        trend.stream().map(TrendDay::replyOnTimeShare).toList()),
                new TrendChart.Series(getTranslation("ranking.component.FIX_ON_TIME"), "var(--lumo-success-color, #2e7d32)",
                        trend.stream().map(TrendDay::fixOnTimeShare).toList())),
                1, share -> Numbers.share(share, getLocale())));
    }

    private void loadComplaints(boolean fromStart) {
        if (fromStart) {
            shown.clear();
            cursor = null;
        }
        ComplaintPage page;
        try {
            page = service.complaints(currentStaff.session(), opdCode, period, metric, cursor);
        } catch (BackendException e) {
            failed(e);
            return;
        }
        shown.addAll(page.complaints());
        cursor = page.endCursor();
        complaints.setItems(shown);
        loadMore.setVisible(page.hasMore());
        int total = scorecard == null ? shown.size() : metric.count(scorecard.figures());
        listed.setText(getTranslation("ranking.list.shown", shown.size(), total));
        listed.getElement().setAttribute("data-count", Integer.toString(shown.size()));
        complaints.setVisible(!shown.isEmpty());
    }

    private String notes(ScorecardComplaint c) {
        List<String> notes = new ArrayList<>();
        if (c.reopened()) {
            notes.add(getTranslation("ranking.list.reopened"));
        }
        if (c.rating() != null) {
            notes.add(getTranslation("ranking.list.rating", c.rating()));
        }
        if (c.autoClosed()) {
            notes.add(getTranslation("ranking.list.autoClosed"));
        }
        if (c.misroutedAway()) {
            notes.add(getTranslation("ranking.list.misrouted"));
        }
        return String.join(" · ", notes);
    }

    private String when(Instant instant) {
        return instant == null ? Numbers.NONE : Wib.dateTime(instant, getLocale());
    }

    private String yesNo(Boolean value) {
        return value == null ? Numbers.NONE : getTranslation(value ? "ranking.list.yes" : "ranking.list.no");
    }

    private String duration(ReplyTime time) {
        return getTranslation(time.key(), time.params());
    }

    @Override
    public String getPageTitle() {
        return (scorecard == null ? getTranslation("ranking.nav.myOpd") : getTranslation("ranking.scorecard.title", scorecard.opd().name()))
                + " · Juare";
    }
}
