package id.go.cilegon.juare.dashboard.wall.ui;

import id.go.cilegon.juare.dashboard.base.ui.JuareFiles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Abbr;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.commandcentre.CommandCentreOverview.OpdRow;
import id.go.cilegon.juare.dashboard.commandcentre.ReplyTime;
import java.time.Duration;
import java.util.List;

/**
 * The wall's table of OPDs, worst on top: the OPD's code (its usual abbreviation, the full name on hover), open,
 * reply overdue, fix overdue, median reply time. A plain HTML table that fills the room the wall's grid gives it;
 * when the rows do not all fit, {@code juare-wall.js} shows them a page at a time, turning every {@code pageEvery},
 * and writes "1/3" into {@code pageIndicator}. The browser pages because only it knows how tall the rows are at the
 * screen's size; the server just replaces the rows when the figures change (the page shown stays).
 */
class WallOpdTable extends Div {

    /* Vaadin runs this after the page's eager scripts have loaded; the wait is only a safety net. */
    private static final String INIT = """
            const frame = this;
            const args = [$0, $1, $2];
            (function start(tries) {
                if (window.JuareWall) {
                    window.JuareWall.paginate(frame, ...args);
                } else if (tries < 600) {
                    setTimeout(() => start(tries + 1), 50);
                }
            })(0);""";

    private final NativeTable table = new NativeTable();
    private final NativeTableBody body;
    private final Span pageIndicator;
    private final Duration pageEvery;

    WallOpdTable(Span pageIndicator, Duration pageEvery) {
        this.pageIndicator = pageIndicator;
        this.pageEvery = pageEvery;
        setId("wall-opd-frame");
        addClassName("juare-wall-opd-frame");
        table.setId("wall-opd-table");
        table.addClassName("juare-wall-opd-table");
        NativeTableRow head = table.getHead().addRow();
        header(head, "cc.opd.name");
        header(head, "cc.opd.open");
        header(head, "cc.opd.replyOverdue");
        header(head, "cc.opd.fixOverdue");
        header(head, "cc.opd.medianReply");
        body = table.getBody();
        add(table);
    }

    private void header(NativeTableRow row, String key) {
        NativeTableHeaderCell cell = row.addHeaderCell();
        cell.setText(getTranslation(key));
        cell.getElement().setAttribute("scope", "col");
    }

    void show(List<OpdRow> opds) {
        body.removeAllRows();
        for (OpdRow opd : opds) {
            NativeTableRow row = body.addRow();
            row.getElement().setAttribute("data-opd", opd.code());
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            Abbr code = new Abbr(opd.code());
            code.getElement().setAttribute("title", opd.name());
            name.add(code);
            number(row, opd.open(), false);
            number(row, opd.replyOverdue(), opd.replyOverdue() > 0);
            number(row, opd.fixOverdue(), opd.fixOverdue() > 0);
            ReplyTime time = ReplyTime.of(opd.medianReplySeconds());
            NativeTableCell median = row.addDataCell();
            median.setText(getTranslation(time.key(), time.params()));
        }
    }

    private static void number(NativeTableRow row, int value, boolean alarm) {
        NativeTableCell cell = row.addDataCell();
        cell.setText(String.valueOf(value));
        if (alarm) {
            cell.addClassName("juare-wall-alarm");
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        attach.getUI().getPage().addJavaScript(JuareFiles.url("juare-wall.js"));
        getElement().executeJs(INIT, pageIndicator.getElement(), pageEvery.toMillis(), getTranslation("wall.page"));
    }
}
