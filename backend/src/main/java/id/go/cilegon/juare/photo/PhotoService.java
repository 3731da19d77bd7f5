package id.go.cilegon.juare.photo;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.photo.internal.PhotoProcessor;
import id.go.cilegon.juare.photo.internal.PhotoProperties;
import id.go.cilegon.juare.photo.internal.PhotoQuota;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.UserError;
import jakarta.annotation.PreDestroy;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Uploading photos, attaching them to a complaint, listing a complaint's photos, and serving them. */
@Service
public class PhotoService {

    private static final Logger log = LoggerFactory.getLogger(PhotoService.class);

    // memory is bounded by the processor's decode budget, not by the threads: threads waiting for their share use
    // no CPU, and enough of them let a small photo start while big ones decode or wait; past a short queue, "busy"
    private static final int DECODING_THREADS = 8;
    private static final int DECODING_QUEUE = 32;

    private final DatabaseClient db;
    private final PhotoStore store;
    private final Clock clock;
    // looked up per request: a policy of another module may itself depend on this service
    private final ObjectProvider<PhotoAccessPolicy> policies;
    private final PhotoQuota quota;
    private final PhotoProperties properties;
    private final PhotoProcessor processor;
    private final Function<byte[], PhotoProcessor.Processed> processing;
    private final Scheduler decoding = Schedulers.newBoundedElastic(DECODING_THREADS, DECODING_QUEUE, "photo", 60, true);

    @Autowired
    public PhotoService(DatabaseClient db, PhotoStore store, Clock clock, ObjectProvider<PhotoAccessPolicy> policies,
                        PhotoQuota quota, PhotoProperties properties) {
        this(db, store, clock, policies, quota, properties, null);
    }

    /** With another processing step in place of the processor's (tests of failures no real file can cause). */
    PhotoService(DatabaseClient db, PhotoStore store, Clock clock, ObjectProvider<PhotoAccessPolicy> policies,
                 PhotoQuota quota, PhotoProperties properties, Function<byte[], PhotoProcessor.Processed> processing) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.policies = policies;
        this.quota = quota;
        this.properties = properties;
        this.processor = new PhotoProcessor(properties);
        this.processing = processing != null ? processing : processor::process;
    }

    /**
     * Checks and re-encodes an uploaded image (JPEG or PNG, at most 10 MB), stores it and records it as the
     * resident's, not yet attached. Fails with a {@link id.go.cilegon.juare.platform.UserErrorException}, never
     * anything else from decoding: UNSUPPORTED_PHOTO, PHOTO_TOO_LARGE, RATE_LIMITED (the resident's hourly quota) or
     * PHOTO_BUSY (no decode memory or thread now, or decoding too slow; both with a time to retry).
     */
    public Mono<Photo> upload(UUID residentId, byte[] content) {
        return upload(PhotoOwner.resident(residentId), content);
    }

    /** As {@link #upload(UUID, byte[])}, for a resident or a staff member. */
    public Mono<Photo> upload(PhotoOwner owner, byte[] content) {
        UUID id = UUID.randomUUID();
        // the quota counts residents' attempts; OPD staff upload after-photos in the course of their work
        Mono<Void> counted = owner.staff() ? Mono.empty() : quota.take(owner.id());
        return counted
                .then(Mono.fromCallable(() -> processSafely(content))
                        .subscribeOn(decoding)
                        // a decode that never ends answers "busy"; its late result is dropped, nothing is stored
                        .timeout(properties.decodeTimeout(), Mono.error(PhotoProcessor::busy)))
                .onErrorMap(RejectedExecutionException.class, e -> PhotoProcessor.busy())
                .flatMap(processed -> keep(id, owner, processed));
    }

    /**
     * Reactor rethrows an Error (OutOfMemoryError, StackOverflowError…) from a callable instead of signalling it,
     * which left the request unanswered for ever: every Throwable becomes an exception here.
     */
    private PhotoProcessor.Processed processSafely(byte[] content) {
        try {
            return processing.apply(content);
        } catch (OutOfMemoryError e) {
            log.error("Out of memory while processing a photo upload");
            throw PhotoProcessor.busy();
        } catch (Error e) {
            throw new IllegalStateException("Photo processing failed", e);
        }
    }

    /** The memory all decodes may hold together, and the most held at once so far (for monitoring and tests). */
    public DecodeMemory decodeMemory() {
        return new DecodeMemory(processor.decodeBudgetBytes(), processor.peakDecodeBytes());
    }

    /** The decode budget and the most of it held at once since start. */
    public record DecodeMemory(long budgetBytes, long peakBytes) {
    }

    private Mono<Photo> keep(UUID id, PhotoOwner owner, PhotoProcessor.Processed processed) {
        return store.save(id, processed.jpeg(), processed.thumbnail())
                .then(insert(id, owner, processed))
                .onErrorResume(failure -> discardFiles(id, failure))
                .thenReturn(Photo.of(id, processed.width(), processed.height()));
    }

    private Mono<Void> insert(UUID id, PhotoOwner owner, PhotoProcessor.Processed processed) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO photo (id, " + owner.column()
                        + ", complaint_id, width, height, size_bytes, created_at, sha256, phash)"
                        + " VALUES (:id, :owner, NULL, :width, :height, :size, :createdAt, :sha256, :phash)")
                .bind("id", id)
                .bind("owner", owner.id())
                .bind("width", processed.width())
                .bind("height", processed.height())
                .bind("size", processed.jpeg().length)
                .bind("createdAt", clock.instant());
        spec = processed.sha256() == null ? spec.bindNull("sha256", byte[].class) : spec.bind("sha256", processed.sha256());
        spec = processed.pHash() == null ? spec.bindNull("phash", Long.class) : spec.bind("phash", processed.pHash());
        return spec.then();
    }

    /** No files without a row: removes what was written, then reports the original failure. */
    private Mono<Void> discardFiles(UUID id, Throwable failure) {
        return store.delete(id)
                .onErrorResume(cleanupFailure -> logOrphan(id, cleanupFailure))
                .then(Mono.error(failure));
    }

    private static Mono<Void> logOrphan(UUID id, Throwable cleanupFailure) {
        log.warn("Could not remove the files of unsaved photo {}", id, cleanupFailure);
        return Mono.empty();
    }

    /**
     * Attaches the resident's unattached photos to a complaint. Run it inside the caller's transaction: when one
     * of the ids is unknown or someone else's it fails with PHOTO_NOT_FOUND, when one of the caller's photos is
     * already attached (each upload is used once) with PHOTO_ALREADY_USED; the transaction's rollback undoes the others.
     */
    public Mono<Void> attach(Collection<UUID> photoIds, UUID residentId, UUID complaintId) {
        return attach(photoIds, PhotoOwner.resident(residentId), complaintId, Photo.EVIDENCE);
    }

    /** As {@link #attach(Collection, UUID, UUID)}, for any owner, marking the photos with a kind. */
    public Mono<Void> attach(Collection<UUID> photoIds, PhotoOwner owner, UUID complaintId, String kind) {
        if (photoIds.isEmpty()) {
            return Mono.empty();
        }
        if (photoIds.stream().anyMatch(Objects::isNull)) {
            return Mono.error(photoNotFound());
        }
        UUID[] distinct = photoIds.stream().distinct().toArray(UUID[]::new);
        return db.sql("UPDATE photo SET complaint_id = :complaint, kind = :kind"
                        + " WHERE id = ANY(:ids) AND " + owner.column() + " = :owner AND complaint_id IS NULL")
                .bind("complaint", complaintId)
                .bind("kind", kind)
                .bind("ids", distinct)
                .bind("owner", owner.id())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == distinct.length ? Mono.<Void>empty() : whyNotAttached(distinct, owner, complaintId));
    }

    /**
     * {@link #attach} for a resident, written into another module's statement (ADR 0040): {@code sql} is an UPDATE to use
     * as a data-modifying CTE named {@code attached}, attaching the resident's unattached photos when {@code condition}
     * (SQL) holds and returning them ({@link #ATTACHED_COLUMNS} reads them back for {@link #photosIn}); {@code count} is
     * how many it must attach; bindings are named {@code photo_*}. When fewer were attached, {@link #notAttached} says why.
     */
    public record Attaching(String sql, Map<String, Object> bindings, int count) {
    }

    public static Attaching attachingWhen(Collection<UUID> photoIds, UUID residentId, UUID complaintId, String condition) {
        UUID[] distinct = photoIds.stream().distinct().toArray(UUID[]::new);
        PhotoOwner owner = PhotoOwner.resident(residentId);
        String sql = "UPDATE photo SET complaint_id = :photo_complaint, kind = :photo_kind"
                + " WHERE id = ANY(:photo_ids) AND " + owner.column() + " = :photo_owner AND complaint_id IS NULL AND " + condition
                + " RETURNING id, width, height, kind, created_at";
        return new Attaching(sql, Map.of("photo_complaint", complaintId, "photo_kind", Photo.EVIDENCE, "photo_ids", distinct,
                "photo_owner", owner.id()), distinct.length);
    }

    /** The select-list columns giving the photos of a CTE named {@code attached} ({@link #attachingWhen}) as {@link #PHOTOS_OF_C} does. */
    public static final String ATTACHED_COLUMNS = """
            (SELECT array_agg(a.id ORDER BY a.created_at, a.id) FROM attached a) AS photo_ids,
            (SELECT array_agg(a.width ORDER BY a.created_at, a.id) FROM attached a) AS photo_widths,
            (SELECT array_agg(a.height ORDER BY a.created_at, a.id) FROM attached a) AS photo_heights,
            (SELECT array_agg(a.kind ORDER BY a.created_at, a.id) FROM attached a) AS photo_kinds,
            (SELECT count(*) FROM attached a) AS photo_count""";

    /** Why {@link #attachingWhen} attached fewer than asked: always fails, as {@link #attach} does then. */
    public Mono<Void> notAttached(Collection<UUID> photoIds, UUID residentId, UUID complaintId) {
        return whyNotAttached(photoIds.stream().distinct().toArray(UUID[]::new), PhotoOwner.resident(residentId), complaintId);
    }

    /**
     * Told apart only for the caller's own photos: one already attached elsewhere (or before, to this complaint)
     * is PHOTO_ALREADY_USED; unknown and someone else's stay the same PHOTO_NOT_FOUND, so ids of others reveal nothing.
     */
    private Mono<Void> whyNotAttached(UUID[] ids, PhotoOwner owner, UUID complaintId) {
        // the photos this statement just attached have complaint_id = :complaint and kind set now; the transaction
        // rolls them back anyway, so only the count of the caller's photos matters
        return db.sql("SELECT count(*) AS mine FROM photo WHERE id = ANY(:ids) AND " + owner.column() + " = :owner")
                .bind("ids", ids)
                .bind("owner", owner.id())
                .map(row -> row.get("mine", Long.class))
                .one()
                .defaultIfEmpty(0L)
                .flatMap(mine -> Mono.error(mine == ids.length ? photoAlreadyUsed() : photoNotFound()));
    }

    /**
     * Hands an unattached photo over to a record of another module (a KTP photo of a phone change): it has no owner
     * any more, so only a {@link PhotoAccessPolicy} lets anyone see it, and the clean-up of unattached uploads keeps
     * it. Run it inside the caller's transaction.
     */
    public Mono<Void> handOver(UUID photoId) {
        return db.sql("UPDATE photo SET owner_resident_id = NULL, owner_staff_id = NULL, handed_over = true"
                        + " WHERE id = :id AND complaint_id IS NULL")
                .bind("id", photoId)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(photoNotFound()));
    }

    private static RuntimeException photoNotFound() {
        return UserError.of(ErrorCode.PHOTO_NOT_FOUND, "photo.not-found", "photoIds").exception();
    }

    private static RuntimeException photoAlreadyUsed() {
        return UserError.of(ErrorCode.PHOTO_ALREADY_USED, "photo.already-used", "photoIds").exception();
    }

    /**
     * Whether an AFTER photo of the complaint looks like one of its residents' photos (EVIDENCE or DISPUTE): the same
     * stored bytes, or perceptual hashes at most {@code maxDistance} bits apart (ADR 0021). Run it in the caller's
     * transaction to see the photos it attached.
     */
    public Mono<Boolean> afterLooksLikeBefore(UUID complaintId, int maxDistance) {
        return db.sql("""
                        SELECT EXISTS (
                            SELECT 1 FROM photo a JOIN photo b ON b.complaint_id = a.complaint_id
                            WHERE a.complaint_id = :complaint AND a.kind = 'AFTER' AND b.kind IN ('EVIDENCE', 'DISPUTE')
                              AND (a.sha256 = b.sha256 OR bit_count((a.phash # b.phash)::bit(64)) <= :distance)) AS alike""")
                .bind("complaint", complaintId)
                .bind("distance", maxDistance)
                .map(row -> Boolean.TRUE.equals(row.get("alike", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    /** The photos of each complaint, oldest first; every requested complaint has an entry (maybe empty). */
    public Mono<Map<UUID, List<Photo>>> photosOf(Collection<UUID> complaintIds) {
        UUID[] ids = complaintIds.stream()
                .filter(Objects::nonNull)
                .distinct()
                .toArray(UUID[]::new);
        if (ids.length == 0) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT id, complaint_id, width, height, kind FROM photo
                        WHERE complaint_id = ANY(:ids)
                        ORDER BY created_at, id""")
                .bind("ids", ids)
                .map(PhotoService::toAttachedPhoto)
                .all()
                .collect(() -> emptyLists(ids), PhotoService::add);
    }

    /**
     * For a statement that reads complaints as {@code c}: a join adding each complaint's photos, in photosOf's order,
     * as four arrays that {@link #photosIn} reads back. A page of complaints and its photos in one statement (the photo
     * table stays this module's: its SQL is written here).
     */
    public static final String PHOTOS_OF_C = """
            LEFT JOIN LATERAL (SELECT array_agg(p.id ORDER BY p.created_at, p.id) AS photo_ids,
                                      array_agg(p.width ORDER BY p.created_at, p.id) AS photo_widths,
                                      array_agg(p.height ORDER BY p.created_at, p.id) AS photo_heights,
                                      array_agg(p.kind ORDER BY p.created_at, p.id) AS photo_kinds
                               FROM photo p WHERE p.complaint_id = c.id) photo_arrays ON true""";

    /** The columns {@link #PHOTOS_OF_C} adds, for the statement's select list. */
    public static final String PHOTO_COLUMNS = "photo_arrays.photo_ids, photo_arrays.photo_widths, photo_arrays.photo_heights, photo_arrays.photo_kinds";

    /** The photos of a row read with {@link #PHOTOS_OF_C}: as photosOf gives them for its complaint. */
    public static List<Photo> photosIn(Readable row) {
        UUID[] ids = row.get("photo_ids", UUID[].class);
        if (ids == null) {
            return new ArrayList<>();
        }
        Integer[] widths = row.get("photo_widths", Integer[].class);
        Integer[] heights = row.get("photo_heights", Integer[].class);
        String[] kinds = row.get("photo_kinds", String[].class);
        List<Photo> photos = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            photos.add(Photo.of(ids[i], widths[i] == null ? 0 : widths[i], heights[i] == null ? 0 : heights[i], kinds[i]));
        }
        return photos;
    }

    private static AttachedPhoto toAttachedPhoto(Readable row) {
        Integer width = row.get("width", Integer.class);
        Integer height = row.get("height", Integer.class);
        return new AttachedPhoto(row.get("complaint_id", UUID.class),
                Photo.of(row.get("id", UUID.class), width == null ? 0 : width, height == null ? 0 : height, row.get("kind", String.class)));
    }

    private static Map<UUID, List<Photo>> emptyLists(UUID[] complaintIds) {
        Map<UUID, List<Photo>> byComplaint = new LinkedHashMap<>();
        for (UUID id : complaintIds) {
            byComplaint.put(id, new ArrayList<>());
        }
        return byComplaint;
    }

    private static void add(Map<UUID, List<Photo>> byComplaint, AttachedPhoto attached) {
        byComplaint.get(attached.complaintId()).add(attached.photo());
    }

    /**
     * The stored JPEG (or its thumbnail) if the caller may see it. Empty both when the photo does not exist and
     * when the caller may not see it, so that the answer reveals nothing.
     */
    public Mono<byte[]> content(Caller caller, UUID photoId, boolean thumbnail) {
        return db.sql("SELECT owner_resident_id, complaint_id FROM photo WHERE id = :id")
                .bind("id", photoId)
                .map(PhotoService::toPlacement)
                .one()
                .filterWhen(placement -> maySee(caller, photoId, placement))
                .flatMap(placement -> store.load(photoId, thumbnail));
    }

    private static Placement toPlacement(Readable row) {
        return new Placement(row.get("owner_resident_id", UUID.class), row.get("complaint_id", UUID.class));
    }

    /** Any policy saying yes is enough; the first yes stops the asking. */
    private Mono<Boolean> maySee(Caller caller, UUID photoId, Placement placement) {
        return Flux.fromStream(policies::orderedStream)
                .concatMap(policy -> policy.maySee(caller, photoId, placement.ownerResidentId(), placement.complaintId()))
                .any(Boolean::booleanValue);
    }

    @PreDestroy
    void stopDecoding() {
        decoding.dispose();
    }

    private record AttachedPhoto(UUID complaintId, Photo photo) {
    }

    private record Placement(UUID ownerResidentId, UUID complaintId) {
    }
}
