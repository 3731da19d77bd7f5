package id.go.cilegon.juare.dashboard.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.StaffRole;
import id.go.cilegon.juare.dashboard.backend.Outcome;
import id.go.cilegon.juare.dashboard.backend.UserError;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.ranking.Numbers;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import id.go.cilegon.juare.dashboard.report.DailyReport;
import id.go.cilegon.juare.dashboard.report.ReportFile;
import id.go.cilegon.juare.dashboard.report.ReportService;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The mayor's daily reports ({@code reports?day=2026-05-06}): the stored reports newest first, and the chosen one
 * previewed (the city's totals, the OPDs in ranking order, the overdue complaints) with its PDF and CSV, which the
 * dashboard passes on from the backend (report.ReportFileProxy). An admin can make a past day's report again.
 */
@Route(value = "reports", layout = MainLayout.class)
@Menu(title = "report.nav.reports", order = 80)
@RolesAllowed({"MAYOR", "OPERATOR", "ADMIN"})
public class ReportsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService service;
    private final CurrentStaff currentStaff;
    private final Grid<DailyReport> list = new Grid<>();
    private final Button more = new Button();
    private final Div preview = new Div();
    private final Paragraph message = new Paragraph();
    private final Paragraph regenerateErrors = new Paragraph();
    private final List<DailyReport> reports = new ArrayList<>();
    private final LocalDate yesterday;
    private String cursor;
    private LocalDate chosen;
    private RankingService.Names names = RankingService.Names.NONE;

    public ReportsView(ReportService service, CurrentStaff currentStaff, Clock clock) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.yesterday = LocalDate.ofInstant(clock.instant(), Wib.ZONE).minusDays(1);
        setId("reports-view");
        setWidthFull();

        message.setId("reports-message");
        message.setVisible(false);
        message.getStyle().set("color", "var(--lumo-error-text-color)");

        configureList();
        more.setText(getTranslation("report.list.more"));
        more.setId("report-list-more");
        more.addClickListener(click -> loadList(false));
        VerticalLayout left = new VerticalLayout(new H3(getTranslation("report.list.title")), list, more);
        left.setPadding(false);
        left.setWidth("56rem");
        // the list above the preview: the preview's tables get the whole width of a wall display
        HorizontalLayout top = new HorizontalLayout(left);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.START);
        if (currentStaff.account().role() == StaffRole.ADMIN) {
            top.add(regenerateBox());
        }

        preview.setId("report-preview");
        preview.setWidthFull();
        preview.getStyle().set("max-width", "1400px");
        add(new H2(getTranslation("report.title")), message, top, preview);
    }

    private void configureList() {
        list.setId("report-list");
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // a few rows at a time; the rest scroll
        list.setHeight("13rem");
        list.addColumn(r -> shortDay(r.day())).setHeader(getTranslation("report.list.day")).setAutoWidth(true);
        list.addColumn(r -> Wib.dateTime(r.generatedAt(), getLocale())).setHeader(getTranslation("report.list.generatedAt")).setAutoWidth(true);
        list.addColumn(this::trigger).setHeader(getTranslation("report.list.trigger")).setAutoWidth(true);
        list.addColumn(r -> r.totals().received()).setHeader(getTranslation("report.figure.received")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        list.addColumn(r -> r.totals().handled()).setHeader(getTranslation("report.figure.handled")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        list.addColumn(r -> r.totals().overdue()).setHeader(getTranslation("report.figure.overdue")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        list.setSelectionMode(Grid.SelectionMode.SINGLE);
        list.addItemClickListener(click -> choose(click.getItem().day()));
    }

    private Component regenerateBox() {
        DatePicker day = new DatePicker(getTranslation("report.regenerate.day"));
        day.setId("regenerate-day");
        day.setLocale(getLocale());
        day.setMax(yesterday);
        day.setValue(yesterday);
        Button regenerate = new Button(getTranslation("report.regenerate"), click -> regenerate(day.getValue()));
        regenerate.setId("regenerate");
        regenerate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        regenerateErrors.setId("regenerate-errors");
        regenerateErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        regenerateErrors.setVisible(false);
        HorizontalLayout row = new HorizontalLayout(day, regenerate);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph help = new Paragraph(getTranslation("report.regenerate.help"));
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout box = new VerticalLayout(new H4(getTranslation("report.regenerate.title")), help, row, regenerateErrors);
        box.setWidth("30rem");
        box.setPadding(true);
        box.setSpacing(false);
        box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        chosen = event.getLocation().getQueryParameters().getSingleParameter("day").map(ReportsView::parseDay).orElse(null);
        try {
            loadList(true);
            if (chosen == null && !reports.isEmpty()) {
                chosen = reports.getFirst().day();
            }
            show(chosen);
        } catch (BackendException e) {
            failed(e);
        }
    }

    private static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void loadList(boolean fromStart) {
        if (fromStart) {
            reports.clear();
            cursor = null;
        }
        try {
            ReportService.Page page = service.reports(currentStaff.session(), cursor);
            reports.addAll(page.reports());
            cursor = page.endCursor();
            more.setVisible(page.hasMore());
            list.setItems(reports);
            list.getElement().setAttribute("data-count", Integer.toString(reports.size()));
        } catch (BackendException e) {
            failed(e);
        }
    }

    private void choose(LocalDate day) {
        chosen = day;
        // the address follows, so a reload or a shared link opens the same report
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("reports", new QueryParameters(Map.of("day", List.of(day.toString()))))));
        try {
            show(day);
        } catch (BackendException e) {
            failed(e);
        }
    }

    private void show(LocalDate day) {
        preview.removeAll();
        if (day == null) {
            preview.add(new Paragraph(getTranslation("report.none")));
            return;
        }
        reports.stream().filter(r -> r.day().equals(day)).findFirst().ifPresent(list::select);
        Optional<DailyReport> report = service.report(currentStaff.session(), day);
        if (report.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("report.notMade", day(day)));
            none.setId("report-not-made");
            preview.add(none);
            return;
        }
        if (names == RankingService.Names.NONE) {
            names = service.names(currentStaff.session(), getLocale());
        }
        showReport(report.get());
    }

    private void showReport(DailyReport r) {
        H3 title = new H3(getTranslation("report.preview.title", day(r.day())));
        title.setId("report-title");
        Span made = new Span(getTranslation("report.preview.made", Wib.dateTime(r.asOf(), getLocale()),
                Wib.dateTime(r.generatedAt(), getLocale()), trigger(r)));
        made.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Anchor pdf = download(new ReportFile(r.day(), ReportFile.Kind.PDF), r.pdfBytes(), "report-pdf");
        // one CSV per table, as Excel wants them (docs/report.md)
        Anchor opdCsv = download(new ReportFile(r.day(), ReportFile.Kind.OPD_CSV), 0, "report-csv-opd");
        Anchor overdueCsv = download(new ReportFile(r.day(), ReportFile.Kind.OVERDUE_CSV), 0, "report-csv-overdue");
        HorizontalLayout links = new HorizontalLayout(pdf, opdCsv, overdueCsv);
        links.setWrap(true);

        FlexLayout totals = new FlexLayout();
        totals.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        totals.getStyle().set("gap", "var(--lumo-space-s)");
        totals.setId("report-totals");
        totals.add(card("received", getTranslation("report.figure.received"), r.totals().received(), getTranslation("report.figure.received.city")),
                card("handled", getTranslation("report.figure.handled"), r.totals().handled(), getTranslation("report.figure.handled.help")),
                card("notHandled", getTranslation("report.figure.notHandled"), r.totals().notHandled(), getTranslation("report.figure.notHandled.help")),
                card("overdue", getTranslation("report.figure.overdue"), r.totals().overdue(), getTranslation("report.figure.overdue.help")),
                card("awaitingDispatch", getTranslation("report.figure.awaitingDispatch"), r.awaitingDispatch(),
                        getTranslation("report.figure.awaitingDispatch.help")));

        Grid<DailyReport.OpdLine> opds = new Grid<>();
        opds.setId("report-opds");
        opds.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        opds.setAllRowsVisible(true);
        opds.addColumn(l -> l.rank() == null ? Numbers.NONE : l.rank().toString()).setHeader(getTranslation("report.opd.rank"))
                .setTextAlign(ColumnTextAlign.END).setWidth("5rem").setFlexGrow(0);
        opds.addColumn(l -> l.opd().name()).setHeader(getTranslation("report.opd.name")).setWidth("20rem").setFlexGrow(1);
        opds.addColumn(l -> Numbers.score(l.score(), getLocale())).setHeader(getTranslation("report.opd.score"))
                .setTextAlign(ColumnTextAlign.END).setWidth("6rem").setFlexGrow(0);
        opds.addColumn(l -> l.figures().received()).setHeader(getTranslation("report.figure.received")).setTextAlign(ColumnTextAlign.END).setWidth("7.5rem").setFlexGrow(0);
        opds.addColumn(l -> l.figures().handled()).setHeader(getTranslation("report.figure.handled")).setTextAlign(ColumnTextAlign.END).setWidth("7.5rem").setFlexGrow(0);
        opds.addColumn(l -> l.figures().notHandled()).setHeader(getTranslation("report.figure.notHandled")).setTextAlign(ColumnTextAlign.END).setWidth("7.5rem").setFlexGrow(0);
        opds.addColumn(l -> l.figures().overdue()).setHeader(getTranslation("report.figure.overdue")).setTextAlign(ColumnTextAlign.END).setWidth("7.5rem").setFlexGrow(0);
        opds.setItems(r.opds());

        List<DailyReport.Overdue> overdue = r.overdueComplaints();
        Grid<DailyReport.Overdue> overdueGrid = new Grid<>();
        overdueGrid.setId("report-overdue");
        overdueGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        overdueGrid.setAllRowsVisible(true);
        overdueGrid.addColumn(o -> o.opd().code()).setHeader(getTranslation("report.opd.name")).setAutoWidth(true);
        overdueGrid.addColumn(o -> o.complaint().trackingNumber()).setHeader(getTranslation("report.overdue.trackingNumber")).setAutoWidth(true);
        overdueGrid.addColumn(o -> names.category(o.complaint().categoryCode())).setHeader(getTranslation("report.overdue.category")).setFlexGrow(1);
        overdueGrid.addColumn(o -> names.kecamatan(o.complaint().kecamatanCode())).setHeader(getTranslation("report.overdue.kecamatan")).setAutoWidth(true);
        overdueGrid.addColumn(o -> getTranslation("complaint.status." + o.complaint().status())).setHeader(getTranslation("report.overdue.status")).setAutoWidth(true);
        overdueGrid.addColumn(o -> Wib.dateTime(o.complaint().receivedAt(), getLocale())).setHeader(getTranslation("report.overdue.receivedAt")).setAutoWidth(true);
        overdueGrid.addColumn(o -> overdueWhat(o.complaint())).setHeader(getTranslation("report.overdue.what")).setAutoWidth(true);
        overdueGrid.addItemClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("complaint/" + click.getItem().complaint().complaintId())));
        overdueGrid.setItems(overdue);
        overdueGrid.setVisible(!overdue.isEmpty());
        Paragraph noOverdue = new Paragraph(getTranslation("report.overdue.none"));
        noOverdue.setVisible(overdue.isEmpty());

        preview.add(title, made, links, totals, new H4(getTranslation("report.opds.title")), opds,
                new H4(getTranslation("report.overdue.title", overdue.size())), overdueGrid, noOverdue);
        preview.getElement().setAttribute("data-day", r.day().toString());
    }

    private Anchor download(ReportFile file, int bytes, String id) {
        Anchor link = new Anchor(file.href(), getTranslation("report.download." + file.kind().name(), kilobytes(bytes)));
        link.setId(id);
        // a file from the proxy, not a view: the router leaves it to the browser
        link.setRouterIgnore(true);
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("download", file.filename());
        link.getStyle().set("font-weight", "600");
        return link;
    }

    private String kilobytes(int bytes) {
        return Numbers.decimal(Math.max(0.1, bytes / 1024.0), 1, getLocale());
    }

    private Div card(String id, String label, int value, String help) {
        Span number = new Span(Integer.toString(value));
        number.addClassName("figure-value");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        Div card = new Div(new Div(new Span(label)), new Div(number));
        card.setId("report-total-" + id);
        card.getElement().setAttribute("title", help);
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "8.5rem")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return card;
    }

    private String overdueWhat(DailyReport.OverdueComplaint c) {
        List<String> what = new ArrayList<>();
        if (c.replyOverdue()) {
            what.add(getTranslation("report.overdue.reply", Wib.dateTime(c.replyDueAt(), getLocale())));
        }
        if (c.fixOverdue()) {
            what.add(getTranslation("report.overdue.fix", Wib.dateTime(c.fixDueAt(), getLocale())));
        }
        return what.stream().collect(Collectors.joining(" · "));
    }

    private void regenerate(LocalDate day) {
        regenerateErrors.setVisible(false);
        if (day == null) {
            showErrors(List.of(new UserError("DAY_REQUIRED", getTranslation("report.regenerate.dayRequired"), "day")));
            return;
        }
        Outcome<DailyReport> result;
        try {
            result = service.regenerate(currentStaff.session(), day);
        } catch (BackendException e) {
            failed(e);
            return;
        }
        if (!result.errors().isEmpty()) {
            showErrors(result.errors());
            return;
        }
        loadList(true);
        choose(day);
    }

    private void showErrors(List<UserError> errors) {
        regenerateErrors.setText(errors.stream()
                .map(e -> e.message() == null ? e.code() : e.message() + " (" + e.code() + ")")
                .collect(Collectors.joining("; ")));
        regenerateErrors.getElement().setAttribute("data-codes", errors.stream().map(UserError::code).collect(Collectors.joining(",")));
        regenerateErrors.setVisible(true);
    }

    private void failed(BackendException e) {
        message.setText(getTranslation("error.backend", e.code()));
        message.setVisible(true);
    }

    private String trigger(DailyReport r) {
        if ("REGENERATED".equals(r.trigger())) {
            return getTranslation("report.trigger.REGENERATED", r.generatedBy() == null ? "" : r.generatedBy());
        }
        return getTranslation("report.trigger.SCHEDULE");
    }

    /** "Sab, 28 Nov 2026": the list is narrow. */
    private String shortDay(LocalDate day) {
        return Wib.shortDay(day, getLocale());
    }

    private String day(LocalDate day) {
        return Wib.longDay(day, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title") + " · Juare";
    }
}
