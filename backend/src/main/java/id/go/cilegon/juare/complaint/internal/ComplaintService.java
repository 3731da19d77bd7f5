package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.ActorType;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.NewEvent;
import id.go.cilegon.juare.geo.Area;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Ids;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Filing a complaint: checks, then one transaction that stores it, attaches its photos and appends SUBMITTED. */
@Service
class ComplaintService {

    static final int MAX_PHOTOS = 5;
    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ComplaintRepository complaints;
    private final AgencyCatalog catalog;
    private final CityMap cityMap;
    private final PhotoService photos;
    private final EventLog eventLog;
    private final TransactionalOperator tx;
    private final Clock clock;
    /**
     * A new complaint is stored with its photos and its event in one statement (ADR 0040). Off only to compare
     * (SubmitBenchmark): then main's path before it (look-up, a transaction of one statement each, photos read to answer).
     */
    volatile boolean oneStatement = true;

    ComplaintService(ComplaintRepository complaints, AgencyCatalog catalog, CityMap cityMap, PhotoService photos,
                     EventLog eventLog, TransactionalOperator tx, Clock clock) {
        this.complaints = complaints;
        this.catalog = catalog;
        this.cityMap = cityMap;
        this.photos = photos;
        this.eventLog = eventLog;
        this.tx = tx;
        this.clock = clock;
    }

    /** Files a complaint, or returns the one already filed with this client request id. */
    Mono<Complaint> submit(UUID residentId, SubmitComplaintInput input) {
        return file(residentId, input).map(Filing::complaint);
    }

    /**
     * A complaint filed (or found filed before) with its photos when they are known without another read: none for a
     * complaint just filed without photos, those read with it for a retry; null when the caller must read them.
     */
    record Filing(Complaint complaint, List<Photo> photos) {
    }

    /**
     * {@link #submit}, telling the photos when known. A new complaint is one statement with its photos and its event
     * (ADR 0040): checked in memory first (category and city map are cached), then stored at once, on its own without
     * photos, in a transaction with them (attaching fewer than asked rolls it back). A retry finds its complaint when
     * that statement stores nothing, or when a check fails (a category closed since still returns the complaint filed
     * under it; another request under a used key is IDEMPOTENCY_KEY_REUSED, whatever is wrong with it).
     */
    Mono<Filing> file(UUID residentId, SubmitComplaintInput input) {
        String requestId = input.clientRequestId() == null ? "" : input.clientRequestId().strip();
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Mono.error(invalid(ErrorCode.INVALID_INPUT, "complaint.client-request-id", "clientRequestId"));
        }
        if (!oneStatement) {
            // as before ADR 0040, to compare: look-up, then a transaction of one statement each, photos read to answer
            return complaints.findByClientRequest(residentId, requestId).map(c -> new Filing(c, null))
                    .switchIfEmpty(Mono.defer(() -> checkAndCreate(residentId, requestId, input).map(c -> new Filing(c, null))))
                    .flatMap(filing -> sameRequest(filing.complaint(), input) ? Mono.just(filing) : Mono.error(keyReused()));
        }
        return checked(input)
                .flatMap(ok -> create(residentId, requestId, input, ok, photoIds(input.photoIds()))
                        .switchIfEmpty(Mono.defer(() -> filedBefore(residentId, requestId))))
                // a refusal (a check, a photo) from a request whose id filed a complaint before answers as a retry does
                .onErrorResume(UserErrorException.class,
                        refused -> filedBefore(residentId, requestId).switchIfEmpty(Mono.error(refused)))
                // a retry returns the complaint it filed; the same key with another complaint is a client's bug, not a retry
                .flatMap(filing -> sameRequest(filing.complaint(), input) ? Mono.just(filing) : Mono.error(keyReused()));
    }

    private Mono<Filing> filedBefore(UUID residentId, String requestId) {
        return complaints.findByClientRequestWithPhotos(residentId, requestId)
                .map(read -> new Filing(read.complaint(), read.photos()));
    }

    private static RuntimeException keyReused() {
        return invalid(ErrorCode.IDEMPOTENCY_KEY_REUSED, "complaint.client-request-id-reused", "clientRequestId");
    }

    /** A request that passed the checks, with what they looked up. */
    private record Checked(Category category, Area area) {
    }

    /** The checks before filing, in memory; a refusal is a UserErrorException. */
    private Mono<Checked> checked(SubmitComplaintInput input) {
        Optional<UserError> basic = basicCheck(input);
        if (basic.isPresent()) {
            return Mono.error(basic.get().exception());
        }
        return catalog.category(input.categoryCode())
                .filter(Category::active)
                // the refusal made only when there is one (each submit made both, with their messages, and dropped them)
                .switchIfEmpty(Mono.error(() -> invalid(ErrorCode.UNKNOWN_CATEGORY, "agency.category-unknown", "categoryCode")))
                .zipWith(locate(input.location()), Checked::new);
    }

    /**
     * The complaint, its photos and its SUBMITTED event in one statement (in a transaction when there are photos);
     * empty when the client request id was used already.
     */
    private Mono<Filing> create(UUID residentId, String requestId, SubmitComplaintInput input, Checked checked, List<UUID> photoIds) {
        return Mono.defer(() -> {
                    Complaint complaint = newComplaint(residentId, requestId, input, checked.category(), checked.area());
                    if (photoIds.isEmpty()) {
                        return complaints.insertWithEvent(complaint,
                                eventLog.appendingWhen(submitted(complaint), "EXISTS (SELECT 1 FROM created)"), null);
                    }
                    PhotoService.Attaching attaching = PhotoService.attachingWhen(photoIds, residentId, complaint.id(),
                            "EXISTS (SELECT 1 FROM created)");
                    EventLog.Appending appending = eventLog.appendingWhen(submitted(complaint),
                            "EXISTS (SELECT 1 FROM created) AND (SELECT count(*) FROM attached) = " + attaching.count());
                    return complaints.insertWithEvent(complaint, appending, attaching)
                            // fewer photos attached than asked: nothing was appended; say why, which rolls back
                            .flatMap(filed -> filed.eventId() != null ? Mono.just(filed)
                                    : photos.notAttached(photoIds, residentId, complaint.id()).then(Mono.<ComplaintRepository.Filed>empty()))
                            .as(tx::transactional);
                })
                .retryWhen(Retry.max(3).filter(ComplaintService::isTrackingNumberCollision))
                .doOnNext(filed -> log.info("Complaint {} submitted ({}), event {}", filed.complaint().trackingNumber(),
                        filed.complaint().categoryCode(), filed.eventId()))
                .map(filed -> new Filing(filed.complaint(), filed.photos()));
    }

    /**
     * Whether a request asks for the complaint already filed under its client request id: the same category, text,
     * title, address, place and (when given) confidentiality. Photos are not compared: they are attached once, and a
     * retry after a lost answer sends the same ids.
     */
    private static boolean sameRequest(Complaint filed, SubmitComplaintInput input) {
        SubmitComplaintInput.LocationInput location = input.location();
        return filed.categoryCode().equals(input.categoryCode())
                && input.description() != null && filed.description().equals(input.description().strip())
                && Objects.equals(filed.title(), blankToNull(input.title()))
                && Objects.equals(filed.addressText(), blankToNull(input.addressText()))
                && location != null && filed.lat() == location.lat() && filed.lng() == location.lng()
                && (input.confidential() == null || input.confidential() == filed.confidential());
    }

    private Mono<Complaint> checkAndCreate(UUID residentId, String requestId, SubmitComplaintInput input) {
        return checked(input)
                .flatMap(ok -> createBefore(residentId, requestId, input, ok.category(), ok.area(), photoIds(input.photoIds())));
    }

    private static Optional<UserError> basicCheck(SubmitComplaintInput input) {
        String description = input.description() == null ? "" : input.description().strip();
        if (description.length() < 10 || description.length() > 2000) {
            return Optional.of(UserError.of(ErrorCode.DESCRIPTION_LENGTH,
                    "complaint.description-length", "description"));
        }
        if (input.title() != null && input.title().strip().length() > 150) {
            return Optional.of(UserError.of(ErrorCode.INVALID_INPUT, "complaint.title-length", "title"));
        }
        if (input.addressText() != null && input.addressText().strip().length() > 300) {
            return Optional.of(UserError.of(ErrorCode.INVALID_INPUT, "complaint.address-length", "addressText"));
        }
        if (input.location() == null) {
            return Optional.of(UserError.of(ErrorCode.INVALID_INPUT, "complaint.location-required", "location"));
        }
        if (input.photoIds() != null && new LinkedHashSet<>(input.photoIds()).size() > MAX_PHOTOS) {
            return Optional.of(UserError.of(ErrorCode.TOO_MANY_PHOTOS, "complaint.too-many-photos", "photoIds"));
        }
        return Optional.empty();
    }

    /** Distinct photo ids; one that is not an id at all names no photo (Ids): PHOTO_NOT_FOUND where an unknown one is. */
    private static List<UUID> photoIds(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : raw) {
            ids.add(Ids.parse(id));
        }
        return new ArrayList<>(ids);
    }

    private Mono<Area> locate(SubmitComplaintInput.LocationInput location) {
        return cityMap.locate(location.lat(), location.lng())
                .flatMap(area -> Mono.justOrEmpty(area))
                .switchIfEmpty(Mono.error(() -> invalid(ErrorCode.NOT_IN_CILEGON,
                        "complaint.location-outside", "location")));
    }

    /** The path before ADR 0040 (SubmitBenchmark compares): one statement each in a transaction. */
    private Mono<Complaint> createBefore(UUID residentId, String requestId, SubmitComplaintInput input, Category category,
                                         Area area, List<UUID> photoIds) {
        return Mono.defer(() -> store(newComplaint(residentId, requestId, input, category, area), photoIds))
                .retryWhen(Retry.max(3).filter(ComplaintService::isTrackingNumberCollision));
    }

    private Complaint newComplaint(UUID residentId, String requestId, SubmitComplaintInput input, Category category, Area area) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean confidential = input.confidential() != null ? input.confidential() : category.confidentialByDefault();
        return Complaint.submitted(UUID.randomUUID(), TrackingNumbers.next(), residentId, requestId, category.code(),
                blankToNull(input.title()), input.description().strip(), input.location().lat(), input.location().lng(),
                area.kecamatan().code(), area.kelurahan().code(), blankToNull(input.addressText()), confidential, now);
    }

    /** One transaction. A racing request with the same client request id waits on the unique index, then finds ours. */
    private Mono<Complaint> store(Complaint complaint, List<UUID> photoIds) {
        Mono<Complaint> work = complaints.insertUnlessRequested(complaint)
                .flatMap(created -> attachAndRecord(created, photoIds))
                .switchIfEmpty(Mono.defer(() -> complaints.findByClientRequest(complaint.residentId(), complaint.clientRequestId())));
        return work.as(tx::transactional);
    }

    private Mono<Complaint> attachAndRecord(Complaint created, List<UUID> photoIds) {
        return photos.attach(photoIds, created.residentId(), created.id())
                .then(eventLog.append(submitted(created)))
                .doOnNext(eventId -> log.info("Complaint {} submitted ({}), event {}", created.trackingNumber(), created.categoryCode(), eventId))
                .thenReturn(created);
    }

    private static NewEvent submitted(Complaint created) {
        return new NewEvent(created.id(), EventType.SUBMITTED, ActorType.RESIDENT, created.residentId(),
                created.status().name(), created.residentId(), null, created.kecamatanCode(), created.categoryCode(), true,
                Map.of("trackingNumber", created.trackingNumber()));
    }

    private static boolean isTrackingNumberCollision(Throwable e) {
        return e instanceof DataIntegrityViolationException && String.valueOf(e.getMessage()).contains("tracking_number");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static RuntimeException invalid(ErrorCode code, String key, String field) {
        return UserError.of(code, key, field).exception();
    }
}
