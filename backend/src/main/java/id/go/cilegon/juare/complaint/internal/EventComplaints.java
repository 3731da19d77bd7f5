package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.event.StoredEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The complaint that goes with an event, read once per instance and shared by every subscriber that delivers it
 * (before: one read per subscriber per event, so one event to 5,000 screens queued 5,000 reads on a pool of 20).
 * <p>
 * An entry is the complaint read after a known point of this instance's live stream ({@code asOf}: every event up to
 * it was published, so committed, before the read began). It serves an event with an id up to {@code asOf}: the
 * complaint as it is now, as far as this instance knows, which is what a read per subscriber gave. A newer event of
 * the same complaint drops the entry (it may have moved to another OPD), so a subscriber replaying an older event
 * never sees a complaint its caller may no longer see. Bounded: the most recently used complaints only.
 */
@Component
class EventComplaints implements DisposableBean {

    /**
     * The read, as a future: 10,000 subscribers wait on it at once, and a future adds each in constant time (Reactor's
     * {@code cache()} copied its array of subscribers at each one: quadratic, ~10 % of the publishing thread, round 4).
     */
    private record Shared(long asOf, java.util.concurrent.CompletableFuture<Complaint> complaint) {
    }

    private final ComplaintRepository complaints;
    private final int capacity;
    private final Map<UUID, Shared> recent;
    private final Disposable watch;
    /**
     * Where a delivery goes on when it cannot on the thread it is on: a replay (read on the database's threads) or a
     * read not done yet; live events are handed on by EventStream's own threads once their read is done (round 4).
     */
    private final Scheduler delivery = fifo("juare-fanout", Runtime.getRuntime().availableProcessors());
    private final EventStream stream;
    /** The newest event this instance's live stream has published. */
    private volatile long published = -1;

    EventComplaints(ComplaintRepository complaints, EventStream stream,
                    @Value("${juare.events.shared-complaints:1024}") int capacity) {
        this.complaints = complaints;
        this.stream = stream;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Shared> eldest) {
                return size() > EventComplaints.this.capacity;
            }
        };
        // whether this sees an event before or after a subscriber asks for it, an entry older than the event is not
        // used for it (asOf), and one older than a complaint's newest event is dropped here
        this.watch = stream.live().subscribe(this::published, error -> { });
        // the subscriptions get an event once its complaint is read (started in published, just before): each of
        // them then finds it done and goes on on its handing thread, with no hop to another thread
        stream.prepareWith(this::read);
    }

    /**
     * Threads that take tasks first come, first served from one queue. Reactor's parallel scheduler runs on
     * {@code ScheduledThreadPoolExecutor}s, whose queue is a heap ordered by time: one event to 10,000 subscribers
     * queued 10,000 tasks and each one's removal sifted that heap (5.5 % of the fan-out's samples, round 4).
     */
    private static Scheduler fifo(String name, int threads) {
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        return Schedulers.fromExecutorService(executor, name);
    }

    private void published(StoredEvent event) {
        synchronized (recent) {
            Shared old = recent.get(event.complaintId());
            if (old != null && old.asOf() < event.id()) {
                recent.remove(event.complaintId());
            }
            published = Math.max(published, event.id());
            // the read starts here, before the live stream hands the event to each subscriber in turn (10,000 of
            // them take a while on this thread): by the time the first one asks, it is on its way or done
            if (stream.subscriptionCount() > 0) {
                entry(event);
            }
        }
    }

    /** The read of the event's complaint under way or done, if there is one for it. */
    private java.util.concurrent.CompletionStage<?> read(StoredEvent event) {
        synchronized (recent) {
            Shared entry = recent.get(event.complaintId());
            return entry != null && entry.asOf() >= event.id() ? entry.complaint() : java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    /**
     * The event's complaint as it is now; empty only if it does not exist (never, for a logged event). Signalled on
     * one of the delivery threads, each subscriber on its own, in order.
     */
    Mono<Complaint> of(StoredEvent event) {
        java.util.concurrent.CompletableFuture<Complaint> read;
        synchronized (recent) {
            read = entry(event).complaint();
        }
        boolean done = read.isDone() && !read.isCompletedExceptionally();
        if (done && EventStream.isHandingThread()) {
            // the live path: the read was done before the event was handed on, and this is not an event loop
            return Mono.justOrEmpty(read.getNow(null));
        }
        // a replay (read on the database's threads) or a read still under way: go on on a delivery thread
        return (done ? Mono.justOrEmpty(read.getNow(null)) : Mono.fromFuture(read, true)).publishOn(delivery);
    }

    /**
     * The event's complaint if its shared read is done and this is a handing thread (the live path: the subscriber
     * goes on here, with no Mono to subscribe per event), else null: {@link #of} then.
     */
    Complaint ready(StoredEvent event) {
        if (!EventStream.isHandingThread()) {
            return null;
        }
        java.util.concurrent.CompletableFuture<Complaint> read;
        synchronized (recent) {
            read = entry(event).complaint();
        }
        return read.isDone() && !read.isCompletedExceptionally() ? read.getNow(null) : null;
    }

    /** The shared read for the event, made if there is none recent enough (with {@code recent} held). */
    private Shared entry(StoredEvent event) {
        Shared entry = recent.get(event.complaintId());
        if (entry == null || entry.asOf() < event.id()) {
            UUID id = event.complaintId();
            long asOf = Math.max(event.id(), published);
            java.util.concurrent.CompletableFuture<Complaint> read = complaints.findById(id).toFuture();
            entry = new Shared(asOf, read);
            recent.put(id, entry);
            // a failed or empty read is not kept: the next subscriber reads again (outside the lock: it may be done)
            read.whenComplete((complaint, error) -> {
                if (complaint == null) {
                    forget(id, asOf);
                }
            });
        }
        return entry;
    }

    private void forget(UUID id, long asOf) {
        synchronized (recent) {
            Shared entry = recent.get(id);
            if (entry != null && entry.asOf() == asOf) {
                recent.remove(id);
            }
        }
    }

    @Override
    public void destroy() {
        watch.dispose();
        delivery.dispose();
    }
}
