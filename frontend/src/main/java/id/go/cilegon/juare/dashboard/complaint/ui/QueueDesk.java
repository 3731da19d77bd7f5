package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.html.Span;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.security.CurrentStaff;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the complaint work screens share (the intake, the transfer requests, an OPD's queue): a queue with the
 * selected complaint beside it; reads that tell the user plainly when the backend fails; and actions on the complaint
 * the user saw, after which the queue reloads with the next complaint up or, when someone else was faster, in place.
 */
final class QueueDesk implements Serializable {

    /** The rows of the queue, read again on every reload. */
    interface Rows extends Serializable {
        List<StaffComplaint> read();
    }

    /** Told what is open now (null: nothing), to fill and enable the screen's actions. */
    interface Opened extends Consumer<StaffComplaint>, Serializable {
    }

    private final ComplaintDesk desk;
    private final BackendSession session;
    private final ComplaintTexts texts;
    private final ComplaintTexts.Translator t;
    private final QueueGrid queue;
    private final ComplaintDetailPanel detail;
    private final Span count = new Span();
    private final String countKey;
    private final String emptyKey;
    private Rows rows;
    private Opened opened;
    private StaffComplaint current;

    /** Element ids for browser tests, and the prefix of the screen's texts {@code <texts>.count} and {@code <texts>.empty}. */
    record Ids(String grid, String count, String detail, String texts) implements Serializable {
    }

    QueueDesk(Ids ids, ComplaintDesk desk, CurrentStaff staff, ComplaintTexts texts, ComplaintTexts.Translator t, Clock clock) {
        this.desk = desk;
        this.session = staff.session();
        this.texts = texts;
        this.t = t;
        this.countKey = ids.texts() + ".count";
        this.emptyKey = ids.texts() + ".empty";
        this.queue = new QueueGrid(ids.grid(), selected -> selected.ifPresentOrElse(this::open, this::openNothing));
        this.detail = new ComplaintDetailPanel(ids.detail(), texts, clock);
        count.setId(ids.count());
    }

    /** Where the rows come from and who hears what opened; before the first reload. */
    void wire(Rows rows, Opened opened) {
        this.rows = rows;
        this.opened = opened;
    }

    QueueGrid queue() {
        return queue;
    }

    ComplaintDetailPanel detail() {
        return detail;
    }

    Span count() {
        return count;
    }

    BackendSession session() {
        return session;
    }

    StaffComplaint current() {
        return current;
    }

    /** The open complaint's id, or null. */
    String currentId() {
        return current == null ? null : current.id();
    }

    /** Reloads the queue, keeps {@code preferId} selected if still there, else the row at {@code fallbackIndex}. */
    void reload(String preferId, int fallbackIndex) {
        Optional<List<StaffComplaint>> read = call(rows::read);
        if (read.isEmpty()) {
            return;
        }
        show(read.get(), preferId, fallbackIndex);
    }

    /** Reloads the queue with the open complaint still open, or the one that took its place. */
    void reloadInPlace() {
        String keep = currentId();
        reload(keep, keep == null ? 0 : Math.max(0, queue.indexOf(keep)));
    }

    /** Shows rows read elsewhere (or none, with the count saying why). */
    void show(List<StaffComplaint> list, String preferId, int fallbackIndex) {
        count.setText(t.translate(countKey, list.size()));
        queue.setRows(list, preferId, fallbackIndex).ifPresentOrElse(this::open, this::openNothing);
    }

    void showNone(String countText) {
        count.setText(countText);
        queue.setRows(List.of(), null, -1);
        openNothing();
    }

    private void open(StaffComplaint row) {
        current = call(() -> desk.complaint(session, row.id()))
                .flatMap(loaded -> loaded)
                .orElse(null);
        if (current == null) {
            openNothing();
            return;
        }
        detail.show(current);
        opened.accept(current);
    }

    private void openNothing() {
        current = null;
        detail.showEmpty(t.translate(queue.rows().isEmpty() ? emptyKey : "complaint.detail.none"));
        opened.accept(null);
    }

    /**
     * Runs an action on what the user saw. {@code leaves}: the complaint leaves the queue, so the next one comes up;
     * otherwise it is reloaded in place. A refusal is told; when someone else was faster the queue and the complaint are reloaded.
     * The focus returns to the queue.
     */
    void act(Supplier<StaffComplaint> action, String doneText, boolean leaves, Runnable onDone) {
        act(action, doneText, leaves, onDone, refused -> false);
    }

    /** As above; {@code onField} shows a refusal on the input at fault and answers true, else it is told as a notice. */
    void act(Supplier<StaffComplaint> action, String doneText, boolean leaves, Runnable onDone, Predicate<ComplaintRefused> onField) {
        String actedOn = currentId();
        int at = Math.max(0, queue.indexOf(actedOn));
        try {
            action.get();
        } catch (ComplaintRefused refused) {
            if (onField.test(refused)) {
                return;
            }
            Notices.error(texts.refusal(refused));
            if (refused.isStale()) {
                reload(actedOn, at);
            }
            return;
        } catch (BackendException e) {
            failed(e);
            return;
        }
        onDone.run();
        Notices.done(doneText);
        reload(leaves ? null : actedOn, at);
        queue.focus();
    }

    /** A read from the backend; empty (and the user told) when it failed. */
    <T> Optional<T> call(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (BackendException e) {
            failed(e);
            return Optional.empty();
        }
    }

    void failed(BackendException e) {
        Notices.failed(e, texts, t);
    }
}
