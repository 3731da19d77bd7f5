package id.go.cilegon.juare.photo;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Where photo files live. The default keeps them in the data directory; another adapter may replace it. */
public interface PhotoStore {

    /** Stores both files; a reader sees a file whole or not at all. */
    Mono<Void> save(UUID id, byte[] image, byte[] thumbnail);

    /** The photo or its thumbnail; empty when absent. */
    Mono<byte[]> load(UUID id, boolean thumbnail);

    /** Removes both files; nothing happens when they are absent. */
    Mono<Void> delete(UUID id);
}
