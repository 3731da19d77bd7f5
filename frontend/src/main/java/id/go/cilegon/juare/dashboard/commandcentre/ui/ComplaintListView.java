package id.go.cilegon.juare.dashboard.commandcentre.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.MainLayout;
import id.go.cilegon.juare.dashboard.commandcentre.ComplaintListFilter;
import id.go.cilegon.juare.dashboard.commandcentre.ComplaintListService;
import id.go.cilegon.juare.dashboard.commandcentre.ComplaintListService.Listed;
import id.go.cilegon.juare.dashboard.commandcentre.ComplaintListService.Row;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;

/**
 * The complaints behind a number: {@code /complaints?opd=DPUPR&overdue=reply} (see {@link ComplaintListFilter}), the
 * filter in the address so the mayor can open it from a WhatsApp link. The backend applies the same filter its counts
 * use, so the list holds what the number counted (OPD staff see their own OPD's only). A table on a desk, cards on a
 * phone (numbers.css).
 */
@Route(value = "complaints", layout = MainLayout.class)
@RolesAllowed({"OPERATOR", "MAYOR", "ADMIN", "OPD_RESPONDER", "OPD_HEAD"})
@StyleSheet("context://juare/numbers.css")
public class ComplaintListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Rows shown at first; "more" adds as many again. */
    static final int SHOWN = 500;

    private final ComplaintListService service;
    private final CurrentStaff currentStaff;
    private final Clock clock;
    private final ComplaintTexts texts = new ComplaintTexts(this::getTranslation);
    private final H2 title = new H2();
    private final Span count = new Span();
    private final Span asOf = new Span();
    private final Paragraph message = new Paragraph();
    private final NativeTable table = new NativeTable();
    private final Button more = new Button();
    private ComplaintListFilter filter = ComplaintListFilter.none();
    private int limit = SHOWN;

    public ComplaintListView(ComplaintListService service, CurrentStaff currentStaff, Clock clock) {
        this.service = service;
        this.currentStaff = currentStaff;
        this.clock = clock;
        setId("complaint-list-view");
        setWidthFull();
        addClassName("juare-numbers");

        title.setId("complaint-list-title");
        count.setId("complaint-list-count");
        count.addClassName("juare-list-count");
        asOf.addClassName("juare-secondary");
        Button refresh = new Button(getTranslation("cc.refresh"), click -> load());
        refresh.setId("complaint-list-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout top = new HorizontalLayout(title, count, asOf, refresh);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.addClassName("juare-wrap");
        top.setWidthFull();

        message.setId("complaint-list-message");
        message.setVisible(false);

        table.setId("complaint-list");
        table.addClassName("juare-table");
        table.addClassName("juare-cards-on-phone");
        NativeTableRow head = table.getHead().addRow();
        for (String key : new String[] {"cc.list.col.tracking", "cc.list.col.status", "cc.list.col.category", "cc.list.col.area",
                "cc.list.col.opd", "cc.list.col.filed", "cc.list.col.due"}) {
            head.addHeaderCell().setText(getTranslation(key));
        }

        more.setId("complaint-list-more");
        more.setText(getTranslation("cc.list.more"));
        more.setVisible(false);
        more.addClickListener(click -> {
            limit += SHOWN;
            load();
        });

        add(top, message, table, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = ComplaintListFilter.fromQueryParameters(event.getLocation().getQueryParameters().getParameters());
        limit = SHOWN;
        load();
    }

    private void load() {
        Listed listed;
        try {
            listed = service.list(currentStaff.session(), filter, limit);
        } catch (BackendException e) {
            message.setText(getTranslation("error.backend", e.code()));
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        show(listed);
    }

    private void show(Listed listed) {
        title.setText(titleText(listed));
        count.setText(getTranslation(listed.more() ? "cc.list.countMore" : "cc.list.count", listed.rows().size()));
        count.getElement().setAttribute("data-count", Integer.toString(listed.rows().size()));
        asOf.setText(getTranslation("cc.asOf", Wib.time(clock.instant(), getLocale())));
        NativeTableBody body = table.getBody();
        body.removeAllRows();
        if (listed.rows().isEmpty()) {
            NativeTableRow none = body.addRow();
            NativeTableCell cell = none.addDataCell();
            cell.setColspan(7);
            cell.setText(getTranslation("cc.list.empty"));
            cell.addClassName("juare-empty");
        }
        Instant now = clock.instant();
        for (Row row : listed.rows()) {
            NativeTableRow line = body.addRow();
            line.addClassName("complaint-row");
            line.getElement().setAttribute("data-id", row.id());
            Anchor open = new Anchor("complaint/" + row.id(), row.trackingNumber());
            open.addClassName("juare-tracking");
            cell(line, "cc.list.col.tracking").add(open);
            cell(line, "cc.list.col.status").setText(texts.status(row.status()));
            cell(line, "cc.list.col.category").setText(row.categoryName(getLocale()));
            cell(line, "cc.list.col.area").setText(area(row));
            cell(line, "cc.list.col.opd").setText(row.opd() == null ? "—" : row.opd().name());
            cell(line, "cc.list.col.filed").setText(date(row.createdAt()));
            NativeTableCell due = cell(line, "cc.list.col.due");
            Instant dueAt = row.dueAt();
            due.setText(dueAt == null ? "—" : date(dueAt));
            // the overdue rules of the counters: at an OPD, its deadline passed
            boolean replyLate = isAtOpd(row) && row.firstReplyAt() == null && row.replyDueAt() != null && row.replyDueAt().isBefore(now);
            boolean fixLate = isAtOpd(row) && row.fixDueAt() != null && row.fixDueAt().isBefore(now);
            if (replyLate || fixLate) {
                Span late = new Span(getTranslation(replyLate ? "cc.list.lateReply" : "cc.list.lateFix"));
                late.addClassName("juare-late");
                due.add(late);
            }
        }
        more.setVisible(listed.more());
    }

    private static boolean isAtOpd(Row row) {
        return id.go.cilegon.juare.graphql.Lifecycle.contains(id.go.cilegon.juare.graphql.Lifecycle.AT_OPD, row.status());
    }

    /** A cell with its column's name for the phone's cards (shown before the value by numbers.css). */
    private NativeTableCell cell(NativeTableRow row, String headerKey) {
        NativeTableCell cell = row.addDataCell();
        cell.getElement().setAttribute("data-label", getTranslation(headerKey));
        return cell;
    }

    private String titleText(Listed listed) {
        String what = getTranslation(filter.titleKey(),
                filter.filedSince() == null ? "" : Wib.date(filter.filedSince(), getLocale()));
        if (filter.opdCode() == null) {
            return what;
        }
        String opdName = listed.rows().stream().filter(r -> r.opd() != null && filter.opdCode().equals(r.opd().code()))
                .map(r -> r.opd().name()).findFirst().orElse(filter.opdCode());
        return what + " · " + opdName;
    }

    private static String area(Row row) {
        String kelurahan = row.kelurahan() == null ? null : row.kelurahan().name();
        String kecamatan = row.kecamatan() == null ? null : row.kecamatan().name();
        if (kelurahan == null) {
            return kecamatan == null ? "" : kecamatan;
        }
        return kecamatan == null ? kelurahan : kelurahan + ", " + kecamatan;
    }

    private String date(Instant instant) {
        return instant == null ? "—" : Wib.dateTime(instant, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation(filter.titleKey(), filter.filedSince() == null ? "" : filter.filedSince().toString()) + " · Juare";
    }
}
