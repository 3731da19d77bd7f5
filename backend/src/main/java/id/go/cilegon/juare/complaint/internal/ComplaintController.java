package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.platform.PlainField;
import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.resident.ResidentDirectory;
import id.go.cilegon.juare.staff.StaffDirectory;
import java.time.Clock;
import java.time.Instant;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.StoredEvent;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.GeoPoint;
import id.go.cilegon.juare.geo.Kecamatan;
import id.go.cilegon.juare.geo.Kelurahan;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.Ids;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Complaint: filing, the resident's list and detail, and the complaint's fields. */
@Controller
class ComplaintController {

    static final int MAX_PAGE = 100;
    /** Spring GraphQL names a @BatchMapping's DataLoader by its field's coordinates. */
    private static final String PHOTOS_LOADER = "Complaint.photos";

    private final ComplaintService service;
    private final ComplaintRepository complaints;
    private final AgencyCatalog catalog;
    private final CityMap cityMap;
    private final PhotoService photos;
    private final EventLog eventLog;
    private final StaffDirectory staffDirectory;
    private final ResidentDirectory residents;
    private final Clock clock;
    /**
     * myComplaints and complaint(id) read the photos in the complaint's statement (ADR 0036). Off only to compare
     * (ReadPathBenchmark): then the photos batch loader reads them in a second statement, as before.
     */
    volatile boolean photosInPage = true;

    ComplaintController(ComplaintService service, ComplaintRepository complaints, AgencyCatalog catalog, CityMap cityMap,
                        PhotoService photos, EventLog eventLog, StaffDirectory staffDirectory, ResidentDirectory residents, Clock clock) {
        this.staffDirectory = staffDirectory;
        this.residents = residents;
        this.clock = clock;
        this.service = service;
        this.complaints = complaints;
        this.catalog = catalog;
        this.cityMap = cityMap;
        this.photos = photos;
        this.eventLog = eventLog;
    }

    @MutationMapping
    Mono<SubmitComplaintPayload> submitComplaint(@Argument SubmitComplaintInput input, DataFetchingEnvironment environment) {
        return CurrentCaller.residentId()
                .flatMap(residentId -> Payloads.of(service.file(residentId, input).map(filing -> primePhotos(environment, filing)),
                        complaint -> new SubmitComplaintPayload(complaint, List.of()),
                        errors -> new SubmitComplaintPayload(null, errors)));
    }

    @QueryMapping
    Mono<Connection<Complaint>> myComplaints(@Argument Integer first, @Argument String after, DataFetchingEnvironment environment) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            return Mono.error(ApiException.invalidInput("input.first"));
        }
        Cursor position = after == null ? null : Cursor.decode(after);
        Instant beforeCreatedAt = position == null ? null : position.createdAt();
        UUID beforeId = position == null ? null : position.id();
        boolean withPhotos = photosInPage && selects(environment, "edges", "node", "photos");
        return CurrentCaller.residentId()
                .flatMap(residentId -> withPhotos
                        ? complaints.residentPageWithPhotos(residentId, beforeCreatedAt, beforeId, size + 1)
                                .map(read -> primePhotos(environment, read))
                                .collectList()
                        : complaints.residentPage(residentId, beforeCreatedAt, beforeId, size + 1).collectList())
                .map(page -> toConnection(page, size, after != null));
    }

    /** Switched off by benchmarks: then {@link #selects} asks graphql-java's normalized selection set, as before. */
    volatile boolean selectionFromDocument = true;

    /**
     * Whether the field's selection asks for this path (fragments followed; @skip and @include not looked at, so a
     * skipped field counts as asked for: the photos are then read and not shown, never the other way round). Read
     * from the document: graphql-java's {@code getSelectionSet()} normalizes the whole operation for it, about 5 % of
     * complaint(id)'s CPU (docs/benchmarks/reads.md).
     */
    private boolean selects(DataFetchingEnvironment environment, String... path) {
        if (!selectionFromDocument) {
            return environment.getSelectionSet().contains(String.join("/", path));
        }
        List<graphql.language.SelectionSet> level = environment.getMergedField().getFields().stream()
                .map(graphql.language.Field::getSelectionSet).filter(java.util.Objects::nonNull).toList();
        for (String name : path) {
            List<graphql.language.SelectionSet> next = new java.util.ArrayList<>();
            for (graphql.language.SelectionSet set : level) {
                fieldsNamed(environment, set, name, next);
            }
            if (next.isEmpty()) {
                return false;
            }
            level = next;
        }
        return true;
    }

    /** The selection sets of the fields of this name in a set (an empty one for a leaf), through fragments. */
    private static void fieldsNamed(DataFetchingEnvironment environment, graphql.language.SelectionSet set, String name,
                                    List<graphql.language.SelectionSet> found) {
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            if (selection instanceof graphql.language.Field field && field.getName().equals(name)) {
                found.add(field.getSelectionSet() == null ? graphql.language.SelectionSet.newSelectionSet().build() : field.getSelectionSet());
            } else if (selection instanceof graphql.language.InlineFragment inline) {
                fieldsNamed(environment, inline.getSelectionSet(), name, found);
            } else if (selection instanceof graphql.language.FragmentSpread spread) {
                graphql.language.FragmentDefinition fragment = environment.getFragmentsByName().get(spread.getName());
                if (fragment != null) {
                    fieldsNamed(environment, fragment.getSelectionSet(), name, found);
                }
            }
        }
    }

    /**
     * Photos read with their complaint are handed to the Complaint.photos batch loader as already loaded (its
     * DataLoader answers from them), so that the page costs one statement, not two.
     */
    private static Complaint primePhotos(DataFetchingEnvironment environment, ComplaintRepository.WithPhotos read) {
        DataLoader<Complaint, List<Photo>> loader = environment.getDataLoader(PHOTOS_LOADER);
        if (loader != null) {
            loader.prime(read.complaint(), read.photos());
        }
        return read.complaint();
    }

    /** The photos of a complaint filed without any (or read with it for a retry) need no second statement (ADR 0040). */
    private static Complaint primePhotos(DataFetchingEnvironment environment, ComplaintService.Filing filing) {
        if (filing.photos() != null) {
            DataLoader<Complaint, List<Photo>> loader = environment.getDataLoader(PHOTOS_LOADER);
            if (loader != null) {
                loader.prime(filing.complaint(), filing.photos());
            }
        }
        return filing.complaint();
    }

    private static Connection<Complaint> toConnection(List<Complaint> page, int size, boolean hasPrevious) {
        List<Complaint> shown = page.size() > size ? page.subList(0, size) : page;
        List<Connection.Edge<Complaint>> edges = shown.stream()
                .map(c -> new Connection.Edge<>(new Cursor(c.createdAt(), c.id()).encode(), c))
                .toList();
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(edges, new Connection.PageInfo(page.size() > size, hasPrevious, start, end));
    }

    @QueryMapping
    Mono<Complaint> complaint(@Argument String id, DataFetchingEnvironment environment) {
        UUID complaintId = parseId(id);
        boolean withPhotos = photosInPage && selects(environment, "photos");
        return CurrentCaller.get()
                .flatMap(caller -> caller.kind() == Caller.Kind.ANONYMOUS
                        ? Mono.error(ApiException.unauthenticated())
                        : (withPhotos
                                ? complaints.findByIdWithPhotos(complaintId)
                                        // another's complaint answers as an unknown id does: no existence oracle (ADR 0030)
                                        .filter(read -> ComplaintAccess.maySee(caller, read.complaint()))
                                        .map(read -> primePhotos(environment, read))
                                : complaints.findById(complaintId)
                                        .filter(c -> ComplaintAccess.maySee(caller, c))));
    }

    /** Staff find a complaint by the number a resident reads out on the phone (to name the original of a duplicate). */
    @QueryMapping
    Mono<Complaint> complaintByTrackingNumber(@Argument String trackingNumber) {
        String normalized = trackingNumber == null ? "" : trackingNumber.strip().toUpperCase(java.util.Locale.ROOT);
        return CurrentCaller.staff()
                .flatMap(caller -> complaints.findByTrackingNumber(normalized)
                        .filter(c -> ComplaintAccess.maySee(caller, c)));
    }

    /** A malformed id names no complaint: it answers as an unknown one (Ids). */
    static UUID parseId(String id) {
        return Ids.parse(id);
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "location")
    GeoPoint location(Complaint complaint) {
        return new GeoPoint(complaint.lat(), complaint.lng());
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "category")
    Mono<Category> category(Complaint complaint) {
        return catalog.category(complaint.categoryCode());
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "opd")
    Mono<Opd> opd(Complaint complaint) {
        return catalog.opd(complaint.opdCode());
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "kecamatan")
    Mono<Kecamatan> kecamatan(Complaint complaint) {
        return cityMap.kecamatan(complaint.kecamatanCode());
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "kelurahan")
    Mono<Kelurahan> kelurahan(Complaint complaint) {
        return cityMap.kelurahan(complaint.kelurahanCode());
    }

    @PlainField
    @BatchMapping(typeName = "Complaint", field = "photos")
    Mono<Map<Complaint, List<Photo>>> photos(List<Complaint> batch) {
        return photos.photosOf(batch.stream().map(Complaint::id).toList())
                .map(byId -> byComplaint(batch, byId, Function.identity()));
    }

    /** Each entry as ComplaintAccess.entryView says: all of it, as the resident sees it, or not at all. */
    @PlainField
    @BatchMapping(typeName = "Complaint", field = "timeline")
    Mono<Map<Complaint, List<TimelineEntry>>> timeline(List<Complaint> batch) {
        return CurrentCaller.get()
                .flatMap(caller -> timelineFor(caller, batch));
    }

    private Mono<Map<Complaint, List<TimelineEntry>>> timelineFor(Caller caller, List<Complaint> batch) {
        return eventLog.ofComplaints(batch.stream().map(Complaint::id).toList(), !caller.isStaff())
                .flatMap(byId -> staffNames(caller, byId)
                        .zipWith(catalog.snapshot(), (names, agencies) -> byComplaint(batch, byId,
                                events -> events.stream()
                                        .map(e -> TimelineEntry.of(e, ComplaintAccess.entryView(caller, e), names, agencies))
                                        .filter(java.util.Objects::nonNull)
                                        .toList())));
    }

    /** The names of the staff who acted, for the entries the caller sees in full. */
    private Mono<Map<UUID, String>> staffNames(Caller caller, Map<UUID, List<StoredEvent>> byId) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        byId.values().forEach(events -> events.stream()
                .filter(e -> e.actorType() == ActorType.STAFF && e.actorId() != null)
                .filter(e -> ComplaintAccess.entryView(caller, e) == ComplaintAccess.EntryView.FULL)
                .forEach(e -> ids.add(e.actorId())));
        return staffDirectory.displayNames(ids);
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "replySecondsLeft")
    Integer replySecondsLeft(Complaint complaint) {
        return complaint.isAtOpd() && complaint.firstReplyAt() == null && complaint.replyDueAt() != null
                ? secondsUntil(complaint.replyDueAt()) : null;
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "fixSecondsLeft")
    Integer fixSecondsLeft(Complaint complaint) {
        return complaint.isAtOpd() && complaint.fixDueAt() != null ? secondsUntil(complaint.fixDueAt()) : null;
    }

    private int secondsUntil(java.time.Instant due) {
        long seconds = java.time.Duration.between(clock.instant(), due).getSeconds();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "replyOverdue")
    boolean replyOverdue(Complaint complaint) {
        return complaint.replyOverdue(clock.instant());
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "fixOverdue")
    boolean fixOverdue(Complaint complaint) {
        return complaint.fixOverdue(clock.instant());
    }

    @PlainField
    @SchemaMapping(typeName = "Complaint", field = "transferRequested")
    boolean transferRequested(Complaint complaint) {
        return complaint.transferRequestedAt() != null;
    }

    /** When an OPD handed it back is between staff, as why. */
    @SchemaMapping(typeName = "Complaint", field = "transferRequestedAt")
    Mono<Instant> transferRequestedAt(Complaint complaint) {
        return CurrentCaller.get()
                .mapNotNull(caller -> ComplaintAccess.staffOnly(caller) ? complaint.transferRequestedAt() : null);
    }

    /** Why an OPD handed it back is between staff. */
    @SchemaMapping(typeName = "Complaint", field = "transferReason")
    Mono<String> transferReason(Complaint complaint) {
        return CurrentCaller.get()
                .mapNotNull(caller -> ComplaintAccess.staffOnly(caller) ? complaint.transferReason() : null);
    }

    /** The original of a duplicate, only if the caller may see it (another resident's is not theirs to read). */
    @PlainField
    @BatchMapping(typeName = "Complaint", field = "duplicateOf")
    Mono<Map<Complaint, Complaint>> duplicateOf(List<Complaint> batch) {
        return CurrentCaller.get()
                .flatMap(caller -> originals(batch)
                        .map(byId -> byOriginal(batch, byId, original -> ComplaintAccess.maySee(caller, original) ? original : null)));
    }

    /** What anyone who may see a duplicate may know of its original: its number, status and OPD. */
    @PlainField
    @BatchMapping(typeName = "Complaint", field = "duplicateOfReference")
    Mono<Map<Complaint, ComplaintReference>> duplicateOfReference(List<Complaint> batch) {
        return originals(batch).map(byId -> byOriginal(batch, byId, ComplaintReference::of));
    }

    @PlainField
    @SchemaMapping(typeName = "ComplaintReference", field = "opd")
    Mono<Opd> referenceOpd(ComplaintReference reference) {
        return reference.opdCode() == null ? Mono.empty() : catalog.opd(reference.opdCode());
    }

    private Mono<Map<UUID, Complaint>> originals(List<Complaint> batch) {
        List<UUID> ids = batch.stream().map(Complaint::duplicateOf).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Mono.just(Map.of()) : complaints.findAll(ids).collectMap(Complaint::id);
    }

    private static <T> Map<Complaint, T> byOriginal(List<Complaint> batch, Map<UUID, Complaint> originals, Function<Complaint, T> convert) {
        Map<Complaint, T> result = new LinkedHashMap<>();
        for (Complaint complaint : batch) {
            Complaint original = complaint.duplicateOf() == null ? null : originals.get(complaint.duplicateOf());
            T value = original == null ? null : convert.apply(original);
            if (value != null) {
                result.put(complaint, value);
            }
        }
        return result;
    }

    @SchemaMapping(typeName = "Complaint", field = "reporter")
    Mono<Reporter> reporter(Complaint complaint) {
        return CurrentCaller.get()
                .filter(caller -> ComplaintAccess.maySeeReporter(caller, complaint))
                .flatMap(caller -> residents.find(complaint.residentId())
                        .zipWith(caller.hasRole("OPERATOR") ? residents.whatsAppNumber(complaint.residentId()) : Mono.just(""))
                        .map(t -> new Reporter(t.getT1().name(), t.getT2().isEmpty() ? t.getT1().maskedPhone() : t.getT2(), t.getT1().maskedNik())));
    }

    @SchemaMapping(typeName = "Complaint", field = "suggestedOpd")
    Mono<Opd> suggestedOpd(Complaint complaint) {
        return CurrentCaller.get()
                .filter(ComplaintAccess::staffOnly)
                .flatMap(caller -> catalog.category(complaint.categoryCode()))
                .flatMap(category -> catalog.opd(category.defaultOpdCode()));
    }

    /**
     * Open complaints of the same category within about 100 m, nearest first, among those the caller may see (an
     * OPD: its own OPD's only): one query for the whole batch.
     */
    @PlainField
    @BatchMapping(typeName = "Complaint", field = "possibleDuplicates")
    Mono<Map<Complaint, List<Complaint>>> possibleDuplicates(List<Complaint> batch) {
        return CurrentCaller.get()
                .flatMap(caller -> ComplaintAccess.staffOnly(caller)
                        ? complaints.nearbyOpen(batch.stream().map(Complaint::id).toList(), ComplaintAccess.opdScope(caller))
                                .map(byId -> byComplaint(batch, byId, found -> ComplaintAccess.visible(caller, found)))
                        : Mono.just(byComplaint(batch, Map.<UUID, List<Complaint>>of(), Function.identity())));
    }

    private static <S, T> Map<Complaint, List<T>> byComplaint(List<Complaint> batch, Map<UUID, List<S>> byId,
                                                              Function<List<S>, List<T>> convert) {
        Map<Complaint, List<T>> result = new LinkedHashMap<>();
        for (Complaint complaint : batch) {
            result.put(complaint, convert.apply(byId.getOrDefault(complaint.id(), List.of())));
        }
        return result;
    }

    record SubmitComplaintPayload(Complaint complaint, List<UserError> errors) {
    }

    /** GraphQL Reporter. */
    record Reporter(String name, String phone, String maskedNik) {
    }

    /** GraphQL ComplaintReference: what may be known of a complaint one may not see. */
    record ComplaintReference(String trackingNumber, String status, String opdCode) {

        static ComplaintReference of(Complaint complaint) {
            return new ComplaintReference(complaint.trackingNumber(), complaint.status().name(), complaint.opdCode());
        }
    }

    /** GraphQL TimelineEntry. */
    record TimelineEntry(String id, String type, String status, java.time.Instant at, String actor, String actorName,
                         String message, String note, boolean internal) {

        /** The entry as the caller sees it; null when hidden. */
        static TimelineEntry of(StoredEvent e, ComplaintAccess.EntryView view, Map<UUID, String> staffNames, AgencyCatalog.Catalog agencies) {
            if (view == ComplaintAccess.EntryView.HIDDEN) {
                return null;
            }
            boolean full = view == ComplaintAccess.EntryView.FULL;
            return new TimelineEntry(Long.toString(e.id()), e.type().name(), e.status(), e.occurredAt(), e.actorType().name(),
                    actorName(e, full, staffNames, agencies), e.message(),
                    full ? (String) e.payload().get("note") : null, !e.visibleToResident());
        }

        /** Those who see the entry in full see who acted; others see the office, not the person. */
        private static String actorName(StoredEvent e, boolean full, Map<UUID, String> staffNames, AgencyCatalog.Catalog agencies) {
            if (e.actorType() != ActorType.STAFF) {
                return null;
            }
            if (full) {
                // an event written without its staff member (imported history) has no name to show
                return e.actorId() == null ? null : staffNames.get(e.actorId());
            }
            Opd opd = e.opdCode() == null ? null : agencies.opds().get(e.opdCode());
            boolean byOpd = e.type() == EventType.REPLIED || e.type() == EventType.RESOLVED;
            return byOpd && opd != null ? opd.name() : "Command Center Kota Cilegon";
        }
    }
}
