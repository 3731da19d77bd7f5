package id.go.cilegon.juare.dashboard.complaint;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The after-photos of one resolution while the responder gathers them: each file as uploaded to the backend (its
 * photo id) or failed; a resolution needs 1 to {@value #MAX} uploaded and none still on its way.
 */
public final class AfterPhotos implements Serializable {

    public static final int MAX = 5;

    private record Entry(String fileName, String photoId) implements Serializable {
    }

    private final List<Entry> uploaded = new ArrayList<>();
    private int pending;

    public synchronized void started() {
        pending++;
    }

    public synchronized void uploaded(String fileName, String photoId) {
        pending = Math.max(0, pending - 1);
        uploaded.add(new Entry(fileName, photoId));
    }

    public synchronized void failed() {
        pending = Math.max(0, pending - 1);
    }

    /** The responder took a file off the list: the first uploaded one of that name goes. */
    public synchronized void removed(String fileName) {
        for (int i = 0; i < uploaded.size(); i++) {
            if (uploaded.get(i).fileName().equals(fileName)) {
                uploaded.remove(i);
                return;
            }
        }
    }

    public synchronized List<String> photoIds() {
        return uploaded.stream().map(Entry::photoId).toList();
    }

    public synchronized int count() {
        return uploaded.size();
    }

    public synchronized boolean busy() {
        return pending > 0;
    }

    /** Ready to resolve: 1 to 5 photos uploaded and none on its way. */
    public synchronized boolean ready() {
        return pending == 0 && !uploaded.isEmpty() && uploaded.size() <= MAX;
    }

    public synchronized void clear() {
        uploaded.clear();
        pending = 0;
    }
}
