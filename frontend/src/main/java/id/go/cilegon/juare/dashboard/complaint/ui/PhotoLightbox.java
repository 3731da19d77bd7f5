package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.Photo;
import java.util.List;

/** A complaint's photos one at a time, full size, with previous/next (buttons and the arrow keys). */
public class PhotoLightbox extends Dialog {

    private final List<Photo> photos;
    private final ComplaintTexts texts;
    private final Image image = new Image();
    private final Span caption = new Span();
    private final Button previous;
    private final Button next;
    private int index;

    public PhotoLightbox(List<Photo> photos, int start, ComplaintTexts texts) {
        this.photos = List.copyOf(photos);
        this.texts = texts;
        this.index = Math.clamp(start, 0, Math.max(0, photos.size() - 1));
        setId("photo-lightbox");
        setHeaderTitle(getTranslation("complaint.photos"));
        setWidth("min(96vw, 1100px)");

        image.setId("lightbox-image");
        image.getStyle().set("max-width", "100%").set("max-height", "75vh").set("display", "block").set("margin", "auto");
        add(image);

        previous = new Button(VaadinIcon.ARROW_LEFT.create(), click -> move(-1));
        previous.setId("lightbox-previous");
        previous.setAriaLabel(getTranslation("complaint.photo.previous"));
        previous.setTooltipText(getTranslation("complaint.photo.previous"));
        next = new Button(VaadinIcon.ARROW_RIGHT.create(), click -> move(1));
        next.setId("lightbox-next");
        next.setAriaLabel(getTranslation("complaint.photo.next"));
        next.setTooltipText(getTranslation("complaint.photo.next"));
        Button close = new Button(getTranslation("complaint.close"), click -> close());
        close.setId("lightbox-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        caption.setId("lightbox-caption");
        getFooter().add(caption, previous, next, close);

        Shortcuts.addShortcutListener(this, () -> move(-1), Key.ARROW_LEFT).listenOn(this);
        Shortcuts.addShortcutListener(this, () -> move(1), Key.ARROW_RIGHT).listenOn(this);
        show();
    }

    private void move(int step) {
        if (photos.isEmpty()) {
            return;
        }
        index = Math.floorMod(index + step, photos.size());
        show();
    }

    private void show() {
        if (photos.isEmpty()) {
            return;
        }
        Photo photo = photos.get(index);
        image.setSrc(photo.src());
        image.setAlt(texts.photoKind(photo.kind()) + " " + (index + 1));
        caption.setText(getTranslation("complaint.photo.caption", index + 1, photos.size(), texts.photoKind(photo.kind())));
        previous.setEnabled(photos.size() > 1);
        next.setEnabled(photos.size() > 1);
    }
}
