package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A work queue of complaints, made for the keyboard: the arrow keys move through it and the selection follows the
 * focused row (so the detail beside it follows too). Rows are the same complaint across reloads when their id is.
 */
class QueueGrid extends Grid<StaffComplaint> {

    private List<StaffComplaint> rows = List.of();
    /** Told the rows each time they are replaced (a tab's count, the waiting times). */
    private final List<Consumer<List<StaffComplaint>>> rowListeners = new java.util.ArrayList<>();
    /** While the rows are replaced: the caller opens what {@link #setRows} returns itself. */
    private boolean quiet;

    QueueGrid(String id, Consumer<Optional<StaffComplaint>> onSelect) {
        super(StaffComplaint.class, false);
        setId(id);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setSelectionMode(SelectionMode.SINGLE);
        // a second click on the open complaint keeps it open (a queue has always one in front of the operator)
        ((com.vaadin.flow.component.grid.GridSingleSelectionModel<StaffComplaint>) getSelectionModel()).setDeselectAllowed(false);
        asSingleSelect().addValueChangeListener(change -> {
            if (!quiet) {
                onSelect.accept(Optional.ofNullable(change.getValue()));
            }
        });
        addCellFocusListener(focus -> focus.getItem().ifPresent(item -> {
            StaffComplaint selected = asSingleSelect().getValue();
            if (selected == null || !selected.id().equals(item.id())) {
                select(item);
            }
        }));
    }

    List<StaffComplaint> rows() {
        return rows;
    }

    /** Hears every new set of rows, after it is shown. */
    void addRowsListener(Consumer<List<StaffComplaint>> listener) {
        rowListeners.add(listener);
    }

    /** The position of a complaint in the queue, or -1. */
    int indexOf(String complaintId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(complaintId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Shows new rows and selects {@code preferId} if still there, else the row now at {@code fallbackIndex} (the next
     * one after an action), else nothing. Returns what got selected, for the caller to open (no selection event).
     */
    Optional<StaffComplaint> setRows(List<StaffComplaint> newRows, String preferId, int fallbackIndex) {
        Optional<StaffComplaint> selected;
        quiet = true;
        try {
            selected = replace(newRows, preferId, fallbackIndex);
        } finally {
            quiet = false;
        }
        rowListeners.forEach(listener -> listener.accept(rows));
        return selected;
    }

    private Optional<StaffComplaint> replace(List<StaffComplaint> newRows, String preferId, int fallbackIndex) {
        rows = List.copyOf(newRows);
        setItems(rows).setIdentifierProvider(StaffComplaint::id);
        Optional<StaffComplaint> target = rows.stream().filter(r -> r.id().equals(preferId)).findFirst();
        if (target.isEmpty() && fallbackIndex >= 0 && !rows.isEmpty()) {
            target = Optional.of(rows.get(Math.min(fallbackIndex, rows.size() - 1)));
        }
        if (target.isPresent()) {
            select(target.get());
            scrollToItem(target.get());
        } else {
            deselectAll();
        }
        return target;
    }
}
