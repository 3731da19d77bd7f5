package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.io.Serializable;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What an OPD does with one of its complaints: reply to the resident, add an internal note, ask the operators to
 * transfer it, resolve it with after-photos. The same on the OPD queue (beside the queue) and on the complaint's own
 * page (a phone's way in); the screen says which complaint is open and what happens after an action.
 */
final class OpdActions extends VerticalLayout {

    /** The screen the actions sit on. */
    interface Screen extends Serializable {

        /** The complaint open now, or null. */
        StaffComplaint current();

        /**
         * Runs an action on what the user saw and tells the outcome. {@code leaves}: the complaint leaves the OPD's
         * queue; {@code onField} shows a refusal on the input at fault and answers true.
         */
        void act(Supplier<StaffComplaint> action, String doneText, boolean leaves, Runnable onDone, Predicate<ComplaintRefused> onField);
    }

    private final ComplaintDesk desk;
    private final BackendSession session;
    private final ComplaintTexts texts;
    private final Screen screen;

    private final TextArea replyMessage = new TextArea();
    private final Button reply = new Button();
    private final TextArea noteText = new TextArea();
    private final Button note = new Button();
    private final Button requestTransfer = new Button();
    private final Button resolve = new Button();

    OpdActions(ComplaintDesk desk, BackendSession session, ComplaintTexts texts, Screen screen) {
        this.desk = desk;
        this.session = session;
        this.texts = texts;
        this.screen = screen;
        setId("opd-actions");
        addClassName("opd-actions");
        setPadding(false);

        replyMessage.setId("reply-message");
        replyMessage.setLabel(getTranslation("opdQueue.reply.message"));
        replyMessage.setHelperText(getTranslation("opdQueue.reply.helper"));
        replyMessage.setMaxLength(2000);
        replyMessage.setWidthFull();
        reply.setText(getTranslation("opdQueue.reply"));
        reply.setId("reply");
        reply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reply.addClickListener(click -> reply());

        noteText.setId("internal-note-text");
        noteText.setLabel(getTranslation("opdQueue.note.text"));
        noteText.setMaxLength(2000);
        noteText.setWidthFull();
        note.setText(getTranslation("opdQueue.note"));
        note.setId("internal-note");
        note.addClickListener(click -> addNote());

        requestTransfer.setText(getTranslation("opdQueue.transfer"));
        requestTransfer.setId("request-transfer");
        requestTransfer.addClickListener(click -> openTransfer());
        resolve.setText(getTranslation("opdQueue.resolve"));
        resolve.setId("resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        resolve.addClickListener(click -> openResolve());

        Div more = new Div(requestTransfer, resolve);
        more.addClassName("opd-actions-more");
        add(replyMessage, reply, noteText, note, more);
        enableFor(null, false);
    }

    /** Enables the actions when this person may act on the complaint ({@code opdStaff}: the OPD's own staff). */
    void enableFor(StaffComplaint current, boolean opdStaff) {
        boolean can = opdStaff && current != null && current.isAtOpd();
        for (var c : List.of(replyMessage, reply, noteText, note, resolve)) {
            c.setEnabled(can);
        }
        requestTransfer.setEnabled(can && !current.transferRequested());
    }

    private void reply() {
        StaffComplaint current = screen.current();
        if (current == null) {
            return;
        }
        if (!FieldRefusal.realAnswer(replyMessage, replyMessage.getValue(), this::getTranslation)) {
            return;
        }
        StaffComplaint seen = current;
        screen.act(() -> desk.reply(session, seen, replyMessage.getValue()), getTranslation("opdQueue.replied", seen.trackingNumber()),
                false, replyMessage::clear, refused -> FieldRefusal.shown(refused, "message", replyMessage, texts));
    }

    private void addNote() {
        StaffComplaint current = screen.current();
        if (current == null) {
            return;
        }
        if (noteText.getValue().strip().length() < 3) {
            noteText.setInvalid(true);
            noteText.setErrorMessage(getTranslation("opdQueue.note.tooShort"));
            return;
        }
        noteText.setInvalid(false);
        String id = current.id();
        screen.act(() -> desk.addInternalNote(session, id, noteText.getValue()), getTranslation("opdQueue.noted"), false, noteText::clear,
                refused -> false);
    }

    private void openTransfer() {
        StaffComplaint current = screen.current();
        if (current == null) {
            return;
        }
        StaffComplaint seen = current;
        Dialog dialog = new Dialog();
        dialog.setId("transfer-dialog");
        dialog.setHeaderTitle(getTranslation("opdQueue.transfer.title", seen.trackingNumber()));
        dialog.setWidth("min(96vw, 36rem)");
        TextArea reason = new TextArea(getTranslation("opdQueue.transfer.reason"));
        reason.setId("transfer-reason");
        reason.setHelperText(getTranslation("opdQueue.transfer.helper"));
        reason.setMaxLength(2000);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("opdQueue.transfer.confirm"));
        confirm.setId("transfer-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            if (reason.getValue().strip().length() < 10) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("opdQueue.transfer.tooShort"));
                return;
            }
            // a refusal (a reason repeated after a decline, say) stays on the field, with the dialog open
            screen.act(() -> desk.requestTransfer(session, seen, reason.getValue()),
                    getTranslation("opdQueue.transferred", seen.trackingNumber()), false, dialog::close,
                    refused -> FieldRefusal.shown(refused, "reason", reason, texts));
        });
        Button cancel = new Button(getTranslation("complaint.cancel"), click -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    private void openResolve() {
        StaffComplaint current = screen.current();
        if (current == null) {
            return;
        }
        StaffComplaint seen = current;
        ResolveDialog[] dialog = new ResolveDialog[1];
        dialog[0] = new ResolveDialog(seen, desk, session, texts, (text, photoIds) ->
                screen.act(() -> desk.resolve(session, seen, text, photoIds), getTranslation("opdQueue.resolved", seen.trackingNumber()),
                        true, () -> dialog[0].close(), refused -> dialog[0].refused(refused)));
        dialog[0].open();
    }
}
