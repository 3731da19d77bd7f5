package id.go.cilegon.juare.dashboard.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.go.cilegon.juare.graphql.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A complaint as staff see it (the {@code StaffComplaintFields} fragment, plus the duplicates and the timeline when
 * the document asks for them). What the caller may not see comes as null: the reporter of a confidential complaint
 * for an OPD, for example. Values are the backend's: statuses and types stay strings, so a new value in the schema
 * does not break the dashboard.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffComplaint(
        String id,
        String trackingNumber,
        String status,
        Category category,
        String title,
        String description,
        GeoPoint location,
        String addressText,
        Named kecamatan,
        Named kelurahan,
        boolean confidential,
        Named opd,
        List<Photo> photos,
        Instant createdAt,
        Instant updatedAt,
        int version,
        Instant dispatchedAt,
        Instant replyDueAt,
        Instant fixDueAt,
        Instant firstReplyAt,
        Instant resolvedAt,
        Instant closedAt,
        Integer replySecondsLeft,
        Integer fixSecondsLeft,
        boolean replyOverdue,
        boolean fixOverdue,
        String rejectReason,
        Reference duplicateOf,
        boolean transferRequested,
        Instant transferRequestedAt,
        String transferReason,
        Integer rating,
        String residentComment,
        int reopenCount,
        boolean autoClosed,
        Reporter reporter,
        Named suggestedOpd,
        List<PossibleDuplicate> possibleDuplicates,
        List<TimelineEntry> timeline) {

    /** Statuses an OPD still works on: the clocks run (docs/lifecycle.md). */
    public static final Set<String> AT_OPD = Lifecycle.names(Lifecycle.AT_OPD);

    public StaffComplaint {
        photos = photos == null ? List.of() : List.copyOf(photos);
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public boolean isAtOpd() {
        return AT_OPD.contains(status);
    }

    /** The category in the language shown. */
    public String categoryName(Locale locale) {
        return category == null ? "" : category.name(locale);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String nameId, String nameEn, Integer replyHours, Integer fixHours) {

        public String name(Locale locale) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            String name = english ? nameEn : nameId;
            return name == null ? code : name;
        }

        /** The reply clock's full span, when the document asked for it. */
        public Duration replySpan() {
            return replyHours == null ? null : Duration.ofHours(replyHours);
        }

        public Duration fixSpan() {
            return fixHours == null ? null : Duration.ofHours(fixHours);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GeoPoint(double lat, double lng) {
    }

    /** An OPD, kecamatan or kelurahan. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(String id, String trackingNumber) {
    }

    /** Who filed it, as the backend lets this caller see it (operators get the phone number, others a mask). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reporter(String name, String phone, String maskedNik) {
    }

    /** An open complaint of the same category nearby, with its thumbnails so the operator can compare. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PossibleDuplicate(String id, String trackingNumber, String status, String description, List<Photo> photos) {

        public PossibleDuplicate {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }
    }

    /** One step of the history, oldest first; {@code internal} ones are for staff only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(String id, String type, String status, Instant at, String actor, String actorName,
                                String message, String note, boolean internal) {
    }
}
