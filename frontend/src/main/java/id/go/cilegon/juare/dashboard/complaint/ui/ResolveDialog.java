package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.complaint.AfterPhotos;
import id.go.cilegon.juare.dashboard.complaint.BackendPhotos;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Resolving a complaint: a note to the resident and 1 to 5 after-photos (JPEG or PNG, at most 10 MB each). Each photo
 * goes to the backend as soon as it is dropped in (so a refused one is told at once); the resolution then names them.
 * The browser refuses other files and oversized ones before they are sent; the dashboard checks again by the bytes.
 * On a phone the photo is taken with the back camera by default (a box switches to the gallery).
 */
class ResolveDialog extends Dialog {

    private final AfterPhotos photos = new AfterPhotos();
    private final TextArea note = new TextArea();
    private final Span state = new Span();
    private final Span error = new Span();
    private final Button confirm = new Button();
    private final ComplaintTexts texts;
    private final Upload upload;
    private final Checkbox camera = new Checkbox();

    /**
     * @param onResolve gets the note and the photo ids; it closes this dialog when the resolution went through
     */
    ResolveDialog(StaffComplaint complaint, ComplaintDesk desk, BackendSession session, ComplaintTexts texts,
                  BiConsumer<String, List<String>> onResolve) {
        this.texts = texts;
        setId("resolve-dialog");
        setHeaderTitle(getTranslation("opdQueue.resolve.title", complaint.trackingNumber()));
        setWidth("min(96vw, 40rem)");

        note.setId("resolve-note");
        note.setLabel(getTranslation("opdQueue.resolve.note"));
        note.setHelperText(getTranslation("opdQueue.resolve.note.helper"));
        note.setMaxLength(2000);
        note.setWidthFull();

        UploadHandler handler = event -> {
            // off the UI lock: read, check and send to the backend, then tell the screen
            UI ui = event.getUI();
            ui.access(photos::started);
            String fileName = event.getFileName();
            try (InputStream in = event.getInputStream()) {
                byte[] content = in.readNBytes(BackendPhotos.MAX_BYTES + 1);
                String id = desk.uploadPhoto(session, fileName, content);
                ui.access(() -> {
                    photos.uploaded(fileName, id);
                    error.setText("");
                    refresh();
                });
            } catch (BackendException e) {
                String text = e instanceof ComplaintRefused refused ? texts.refusal(refused) : getTranslation("error.backend", e.code());
                event.reject(text);
                ui.access(() -> {
                    photos.failed();
                    error.setText(fileName + ": " + text);
                    refresh();
                });
            }
        };
        upload = new Upload(handler);
        upload.setId("resolve-upload");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        upload.setMaxFileSize(BackendPhotos.MAX_BYTES);
        upload.setMaxFiles(AfterPhotos.MAX);
        // on a phone the after-photo is taken on the spot: the file input opens the back camera (desktop browsers
        // ignore it); the photo then goes the same way as a chosen file, with the same checks
        camera.setId("resolve-camera");
        camera.setLabel(getTranslation("opdQueue.upload.camera"));
        camera.addClassName("phone-only");
        camera.setValue(true);
        camera.addValueChangeListener(change -> useCamera(change.getValue()));
        useCamera(true);
        upload.addFileRejectedListener(rejected -> {
            error.setText(rejected.getFileName() + ": " + rejected.getErrorMessage());
            Notices.error(rejected.getFileName() + ": " + rejected.getErrorMessage());
        });
        upload.addFileRemovedListener(removed -> {
            photos.removed(removed.getFileName());
            refresh();
        });

        state.setId("resolve-photos");
        error.setId("resolve-upload-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        confirm.setText(getTranslation("opdQueue.resolve.confirm"));
        confirm.setId("resolve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        confirm.addClickListener(click -> {
            if (!FieldRefusal.realAnswer(note, note.getValue(), this::getTranslation)) {
                return;
            }
            onResolve.accept(note.getValue(), photos.photoIds());
        });
        Button cancel = new Button(getTranslation("complaint.cancel"), click -> close());
        cancel.setId("resolve-cancel");

        Paragraph rules = new Paragraph(getTranslation("opdQueue.resolve.rules"));
        rules.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout body = new VerticalLayout(note, rules, camera, upload, state, error);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, confirm);
        refresh();
    }

    /** The back camera (the input's {@code capture}) or the phone's gallery, with the button saying which. */
    private void useCamera(boolean on) {
        if (on) {
            upload.getElement().setProperty("capture", "environment");
        } else {
            upload.getElement().removeProperty("capture");
        }
        String add = getTranslation(on ? "opdQueue.upload.takePhoto" : "opdQueue.upload.add");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("opdQueue.upload.drop")).setMany(getTranslation("opdQueue.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("opdQueue.upload.tooBig"))
                .setIncorrectFileType(getTranslation("opdQueue.upload.wrongType"))
                .setTooManyFiles(getTranslation("opdQueue.upload.tooMany")));
        upload.setI18n(i18n);
    }

    /** Shows the backend's refusal of the note on it; true if it was the note's. */
    boolean refused(ComplaintRefused refused) {
        return FieldRefusal.shown(refused, "note", note, texts);
    }

    private void refresh() {
        state.setText(getTranslation(photos.busy() ? "opdQueue.resolve.uploading" : "opdQueue.resolve.photos", photos.count(), AfterPhotos.MAX));
        confirm.setEnabled(photos.ready());
    }
}
