package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.CurrentCaller;
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
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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

    private final ComplaintService service;
    private final ComplaintRepository complaints;
    private final AgencyCatalog catalog;
    private final CityMap cityMap;
    private final PhotoService photos;
    private final EventLog eventLog;

    ComplaintController(ComplaintService service, ComplaintRepository complaints, AgencyCatalog catalog, CityMap cityMap,
                        PhotoService photos, EventLog eventLog) {
        this.service = service;
        this.complaints = complaints;
        this.catalog = catalog;
        this.cityMap = cityMap;
        this.photos = photos;
        this.eventLog = eventLog;
    }

    @MutationMapping
    Mono<SubmitComplaintPayload> submitComplaint(@Argument SubmitComplaintInput input) {
        return CurrentCaller.residentId()
                .flatMap(residentId -> Payloads.of(service.submit(residentId, input),
                        complaint -> new SubmitComplaintPayload(complaint, List.of()),
                        errors -> new SubmitComplaintPayload(null, errors)));
    }

    @QueryMapping
    Mono<Connection<Complaint>> myComplaints(@Argument Integer first, @Argument String after) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            return Mono.error(ApiException.invalidInput("first harus 1–100 / first must be 1 to 100"));
        }
        Cursor position = after == null ? null : Cursor.decode(after);
        return CurrentCaller.residentId()
                .flatMap(residentId -> complaints.residentPage(residentId,
                                position == null ? null : position.createdAt(), position == null ? null : position.id(), size + 1)
                        .collectList())
                .map(page -> toConnection(page, size, after != null));
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
    Mono<Complaint> complaint(@Argument String id) {
        UUID complaintId = parseId(id);
        return CurrentCaller.residentId()
                .flatMap(residentId -> complaints.findById(complaintId)
                        .flatMap(c -> c.residentId().equals(residentId) ? Mono.just(c) : Mono.error(ApiException.forbidden())));
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidInput("ID tidak valid / Invalid id");
        }
    }

    @SchemaMapping(typeName = "Complaint", field = "location")
    GeoPoint location(Complaint complaint) {
        return new GeoPoint(complaint.lat(), complaint.lng());
    }

    @SchemaMapping(typeName = "Complaint", field = "category")
    Mono<Category> category(Complaint complaint) {
        return catalog.category(complaint.categoryCode());
    }

    @SchemaMapping(typeName = "Complaint", field = "opd")
    Mono<Opd> opd(Complaint complaint) {
        return catalog.opd(complaint.opdCode());
    }

    @SchemaMapping(typeName = "Complaint", field = "kecamatan")
    Mono<Kecamatan> kecamatan(Complaint complaint) {
        return cityMap.kecamatan(complaint.kecamatanCode());
    }

    @SchemaMapping(typeName = "Complaint", field = "kelurahan")
    Mono<Kelurahan> kelurahan(Complaint complaint) {
        return cityMap.kelurahan(complaint.kelurahanCode());
    }

    @BatchMapping(typeName = "Complaint", field = "photos")
    Mono<Map<Complaint, List<Photo>>> photos(List<Complaint> batch) {
        return photos.photosOf(batch.stream().map(Complaint::id).toList())
                .map(byId -> byComplaint(batch, byId, Function.identity()));
    }

    /** Residents see the timeline without internal entries. */
    @BatchMapping(typeName = "Complaint", field = "timeline")
    Mono<Map<Complaint, List<TimelineEntry>>> timeline(List<Complaint> batch) {
        return eventLog.ofComplaints(batch.stream().map(Complaint::id).toList(), true)
                .map(byId -> byComplaint(batch, byId, events -> events.stream().map(TimelineEntry::of).toList()));
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

    /** GraphQL TimelineEntry. */
    record TimelineEntry(String id, String type, String status, java.time.Instant at, String actor, String message) {

        static TimelineEntry of(StoredEvent e) {
            return new TimelineEntry(Long.toString(e.id()), e.type().name(), e.status(), e.occurredAt(), e.actorType().name(), e.message());
        }
    }
}
