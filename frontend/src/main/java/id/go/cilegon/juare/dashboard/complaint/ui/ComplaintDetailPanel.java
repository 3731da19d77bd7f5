package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.dashboard.complaint.Countdown;
import id.go.cilegon.juare.dashboard.complaint.Photo;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.PossibleDuplicate;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint.TimelineEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One complaint as staff see it, for every screen that shows one (the complaint page, the intake and the OPD queue):
 * tracking number and status, where and what, the reporter as the backend lets this person see them, the clocks with
 * the time left, the photos (click for the full image), the map, the possible duplicates and the timeline. Shows;
 * never acts: the screens put their actions next to it.
 *
 * <p>Element ids start with the prefix given ({@code detail} gives {@code detail-map}, {@code detail-timeline}, ...), so
 * two panels on one page do not clash.
 */
public class ComplaintDetailPanel extends VerticalLayout {

    private final String prefix;
    private final ComplaintTexts texts;
    private final Clock clock;

    private final H3 title = new H3();
    private final Span status = new Span();
    private final Div facts = new Div();
    private final Paragraph description = new Paragraph();
    private final Div clocks = new Div();
    private final Div photos = new Div();
    private String shownPlace;
    private final Div map = new Div();
    private final Div placeLinks = new Div();
    private final Div actionsSlot = new Div();
    private final Div duplicates = new Div();
    private final Div timeline = new Div();
    private final Paragraph empty = new Paragraph();
    private final Div content = new Div();

    private StaffComplaint complaint;
    private boolean duplicatesShown = true;

    public ComplaintDetailPanel(String prefix, ComplaintTexts texts, Clock clock) {
        this.prefix = prefix;
        this.texts = texts;
        this.clock = clock;
        setId(prefix);
        setPadding(false);
        setSpacing(false);
        addClassName("complaint-detail");

        title.setId(prefix + "-tracking-number");
        title.getStyle().set("margin", "0");
        status.setId(prefix + "-status");
        status.getStyle().set("padding", "0 var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-10pct)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setAlignItems(Alignment.BASELINE);
        header.addClassName("complaint-detail-header");

        facts.setId(prefix + "-facts");
        description.setId(prefix + "-description");
        description.addClassName("complaint-detail-description");
        description.getStyle().set("white-space", "pre-wrap");
        clocks.setId(prefix + "-clocks");
        clocks.addClassName("complaint-detail-clocks");
        photos.setId(prefix + "-photos");
        photos.addClassName("complaint-photos");
        placeLinks.setId(prefix + "-place-links");
        placeLinks.addClassName("complaint-place-links");
        actionsSlot.setId(prefix + "-actions");
        actionsSlot.setWidthFull();
        map.setId(prefix + "-map");
        map.addClassName("complaint-map-slot");
        map.setWidthFull();
        map.setHeight("16rem");
        duplicates.setId(prefix + "-duplicates");
        timeline.setId(prefix + "-timeline");
        empty.setId(prefix + "-empty");

        content.add(header, facts, description, clocks, photos, map, placeLinks, actionsSlot, duplicates,
                new H4(getTranslation("complaint.timeline")), timeline);
        content.setWidthFull();
        content.addClassName("complaint-detail-content");
        add(empty, content);
        showEmpty(getTranslation("complaint.detail.none"));
    }

    /** The complaint shown, or null. */
    public StaffComplaint complaint() {
        return complaint;
    }

    /** The intake shows possible duplicates; other screens need not. */
    public void setDuplicatesShown(boolean shown) {
        this.duplicatesShown = shown;
        duplicates.setVisible(shown && complaint != null && !complaint.possibleDuplicates().isEmpty());
    }

    /** Where a screen puts its actions on the complaint: after the place, before the duplicates and the history. */
    public Div actionsSlot() {
        return actionsSlot;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        PhoneLayout.loadStyle(attachEvent.getUI());
    }

    /** The map slot: the complaint's place, one marker in its status colour. */
    public Div mapSlot() {
        return map;
    }

    /** A new single-marker map only when the place or the status changed: a reload of the same keeps the map. */
    private void showPlace(StaffComplaint c) {
        String place = c.location() == null ? null : c.location().lat() + "," + c.location().lng() + "," + c.status();
        if (Objects.equals(place, shownPlace)) {
            return;
        }
        shownPlace = place;
        map.removeAll();
        map.setVisible(place != null);
        showPlaceLinks(c);
        if (place != null) {
            ComplaintMap single = ComplaintMap.single(c.location().lat(), c.location().lng(), c.status());
            single.setSizeFull();
            map.add(single);
        }
    }

    public void showEmpty(String message) {
        complaint = null;
        empty.setText(message);
        empty.setVisible(true);
        content.setVisible(false);
    }

    public void show(StaffComplaint c) {
        complaint = c;
        showPlace(c);
        empty.setVisible(false);
        content.setVisible(true);
        title.setText(c.trackingNumber());
        status.setText(texts.status(c.status()));
        status.getElement().setAttribute("data-status", c.status());

        facts.removeAll();
        fact("category", "complaint.field.category", c.categoryName(getLocale()));
        fact("area", "complaint.field.area", c.kecamatan() == null ? "" : c.kelurahan() == null ? c.kecamatan().name()
                : c.kelurahan().name() + ", " + c.kecamatan().name());
        fact("address", "complaint.field.address", c.addressText());
        fact("filed", "complaint.field.filed", c.createdAt() == null ? null : Wib.dateTime(c.createdAt(), getLocale()));
        fact("opd", "complaint.field.opd", c.opd() == null ? getTranslation("complaint.opd.none") : c.opd().name());
        fact("reporter", "complaint.field.reporter", reporter(c));
        if (c.title() != null && !c.title().isBlank()) {
            fact("title", "complaint.field.title", c.title());
        }
        if (c.transferRequested()) {
            fact("transfer", "complaint.field.transferReason", c.transferReason());
        }
        if (c.rejectReason() != null) {
            fact("reject", "complaint.field.rejectReason", texts.rejectReason(c.rejectReason())
                    + (c.duplicateOf() == null ? "" : " · " + c.duplicateOf().trackingNumber()));
        }
        if (c.rating() != null) {
            fact("rating", "complaint.field.rating", c.rating() + "/5" + (c.residentComment() == null ? "" : " · " + c.residentComment()));
        }
        if (c.reopenCount() > 0) {
            fact("reopened", "complaint.field.reopened", String.valueOf(c.reopenCount()));
        }
        description.setText(c.description());

        tick();
        showPhotos(c.photos());
        showDuplicates(c.possibleDuplicates());
        showTimeline(c.timeline());
    }

    private String reporter(StaffComplaint c) {
        if (c.reporter() == null) {
            return getTranslation(c.confidential() ? "complaint.reporter.confidential" : "complaint.reporter.hidden");
        }
        // masked or not as the backend decided for this caller; never logged
        return c.reporter().name() + " · " + c.reporter().phone() + " · NIK " + c.reporter().maskedNik()
                + (c.confidential() ? " · " + getTranslation("complaint.reporter.confidentialFlag") : "");
    }

    private void fact(String id, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div line = new Div(label, new Span(value));
        line.setId(prefix + "-fact-" + id);
        facts.add(line);
    }

    /** Recomputes the clocks' time left; screens call it on a timer so it ticks without a reload. */
    public void tick() {
        clocks.removeAll();
        if (complaint == null) {
            return;
        }
        Instant now = clock.instant();
        if (complaint.replyDueAt() != null) {
            clocks.add(clockLine("reply", "complaint.clock.reply", complaint.replyDueAt(), complaint.firstReplyAt()));
        }
        if (complaint.fixDueAt() != null) {
            clocks.add(clockLine("fix", "complaint.clock.fix", complaint.fixDueAt(), complaint.resolvedAt()));
        }
        Countdown countdown = Countdown.of(complaint, now);
        if (countdown.running()) {
            clocks.add(CountdownBadge.of(countdown, texts, prefix + "-countdown"));
        }
    }

    private Div clockLine(String id, String labelKey, Instant due, Instant met) {
        String text = getTranslation(labelKey, Wib.dateTime(due, getLocale()));
        if (met != null) {
            text += " · " + getTranslation("complaint.clock.met", Wib.dateTime(met, getLocale()));
        }
        Div line = new Div(new Span(text));
        line.setId(prefix + "-clock-" + id);
        return line;
    }

    /**
     * The photos by kind, each group under its label ("Sebelum", "Sesudah", "Sanggahan"), so before and after are
     * told apart on every screen; a click opens all of them in the lightbox at that photo.
     */
    private void showPhotos(List<Photo> list) {
        photos.removeAll();
        photos.setVisible(!list.isEmpty());
        Map<String, Div> groups = new LinkedHashMap<>();
        for (String kind : PHOTO_KINDS) {
            groups.put(kind, null);
        }
        for (int i = 0; i < list.size(); i++) {
            String kind = list.get(i).kind() == null ? "EVIDENCE" : list.get(i).kind();
            Div thumbs = groups.get(kind);
            if (thumbs == null) {
                thumbs = new Div();
                thumbs.addClassName("complaint-photo-thumbs");
                groups.put(kind, thumbs);
            }
            thumbs.add(thumbnail(list, i, prefix + "-photo-" + i));
        }
        groups.forEach((kind, thumbs) -> {
            if (thumbs == null) {
                return;
            }
            Span label = new Span(getTranslation("complaint.photos." + kind));
            label.addClassName("complaint-photo-label");
            Div group = new Div(label, thumbs);
            group.addClassName("complaint-photo-group");
            group.setId(prefix + "-photos-" + kind.toLowerCase(Locale.ROOT));
            group.getElement().setAttribute("data-kind", kind);
            group.getElement().setAttribute("role", "group");
            group.getElement().setAttribute("aria-label", getTranslation("complaint.photos." + kind));
            photos.add(group);
        });
    }

    /** The resident's photos first, then the OPD's after-photos, then those of a dispute. */
    private static final List<String> PHOTO_KINDS = List.of("EVIDENCE", "AFTER", "DISPUTE");

    /**
     * The point itself, and links that open it outside the dashboard (a new tab): directions in Google Maps, and a
     * {@code geo:} link that a phone hands to its maps app. They help where the map has no tiles, too.
     */
    private void showPlaceLinks(StaffComplaint c) {
        placeLinks.removeAll();
        placeLinks.setVisible(c.location() != null);
        if (c.location() == null) {
            return;
        }
        String point = coordinate(c.location().lat()) + "," + coordinate(c.location().lng());
        Span coordinates = new Span(point);
        coordinates.addClassName("coordinates");
        coordinates.setId(prefix + "-coordinates");
        Anchor directions = new Anchor("https://www.google.com/maps/dir/?api=1&destination=" + point,
                getTranslation("complaint.place.directions"), AnchorTarget.BLANK);
        directions.setId(prefix + "-directions");
        directions.getElement().setAttribute("rel", "noopener noreferrer");
        Anchor geo = new Anchor();
        geo.setText(getTranslation("complaint.place.openInMaps"));
        geo.setTarget(AnchorTarget.BLANK);
        // made of two numbers only: the scheme is the one a phone's maps app takes
        geo.setUnsafeHref("geo:" + point + "?q=" + point);
        geo.setId(prefix + "-geo");
        geo.getElement().setAttribute("rel", "noopener noreferrer");
        placeLinks.add(coordinates, directions, geo);
    }

    /** Six decimals: about 10 cm, more than a phone's GPS gives. */
    static String coordinate(double degrees) {
        return new BigDecimal(degrees).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private Component thumbnail(List<Photo> list, int index, String id) {
        Photo photo = list.get(index);
        Image image = new Image(photo.thumbnailSrc(), texts.photoKind(photo.kind()) + " " + (index + 1));
        image.setId(id);
        image.addClassName("photo-thumb");
        image.getElement().setAttribute("tabindex", "0");
        image.getElement().setAttribute("title", texts.photoKind(photo.kind()));
        // the size comes from juare-phone.css (larger on a phone); the duplicates' thumbnails set their own
        image.getStyle().set("width", "auto").set("max-width", "100%").set("cursor", "zoom-in")
                .set("border-radius", "var(--lumo-border-radius-m)").set("object-fit", "cover");
        image.addClickListener(click -> new PhotoLightbox(list, index, texts).open());
        image.getElement().addEventListener("keydown", key -> new PhotoLightbox(list, index, texts).open())
                .setFilter("event.key === 'Enter' || event.key === ' '");
        return image;
    }

    private void showDuplicates(List<PossibleDuplicate> list) {
        duplicates.removeAll();
        duplicates.setVisible(duplicatesShown && !list.isEmpty());
        if (list.isEmpty()) {
            return;
        }
        duplicates.add(new H4(getTranslation("complaint.duplicates", list.size())));
        for (PossibleDuplicate d : list) {
            // its own page in a new tab: the queue keeps its place
            Anchor link = new Anchor("complaint/" + d.id(), d.trackingNumber(), AnchorTarget.BLANK);
            link.setId(prefix + "-duplicate-" + d.trackingNumber());
            Span state = new Span(" · " + texts.status(d.status()));
            Paragraph text = new Paragraph(d.description());
            text.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
            FlexLayout thumbs = new FlexLayout();
            thumbs.getStyle().set("gap", "var(--lumo-space-xs)");
            for (int i = 0; i < d.photos().size(); i++) {
                Component thumb = thumbnail(d.photos(), i, prefix + "-duplicate-" + d.trackingNumber() + "-photo-" + i);
                ((Image) thumb).getStyle().set("height", "64px");
                thumbs.add(thumb);
            }
            Div item = new Div(new Div(link, state), text, thumbs);
            item.addClassName("possible-duplicate");
            item.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-top", "1px solid var(--lumo-contrast-10pct)");
            duplicates.add(item);
        }
    }

    private void showTimeline(List<TimelineEntry> entries) {
        timeline.removeAll();
        if (entries.isEmpty()) {
            timeline.add(new Paragraph(getTranslation("complaint.timeline.empty")));
            return;
        }
        for (TimelineEntry e : entries) {
            String head = Wib.dateTime(e.at(), getLocale()) + " · " + texts.eventType(e.type())
                    + (e.actorName() == null ? "" : " · " + e.actorName());
            Span headLine = new Span(head);
            headLine.getStyle().set("font-weight", "600");
            Div entry = new Div(headLine);
            entry.addClassName("timeline-entry");
            entry.getElement().setAttribute("data-type", e.type());
            if (e.internal()) {
                entry.addClassName("internal");
                Span badge = new Span(getTranslation("complaint.timeline.internal"));
                badge.addClassName("internal-badge");
                badge.getStyle().set("margin-left", "var(--lumo-space-s)").set("padding", "0 var(--lumo-space-xs)")
                        .set("border-radius", "var(--lumo-border-radius-s)").set("font-size", "var(--lumo-font-size-xs)")
                        .set("background", "var(--lumo-contrast-20pct)");
                entry.add(badge);
                entry.getStyle().set("background", "var(--lumo-contrast-5pct)");
            }
            if (e.message() != null && !e.message().isBlank()) {
                entry.add(new Div(new Span(e.message())));
            }
            if (e.note() != null && !e.note().isBlank() && !e.note().equals(e.message())) {
                Span note = new Span(getTranslation("complaint.timeline.note", e.note()));
                note.getStyle().set("color", "var(--lumo-secondary-text-color)");
                entry.add(new Div(note));
            }
            entry.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                    .set("border-left", "3px solid var(--lumo-contrast-20pct)").set("margin-bottom", "var(--lumo-space-xs)");
            timeline.add(entry);
        }
    }
}
