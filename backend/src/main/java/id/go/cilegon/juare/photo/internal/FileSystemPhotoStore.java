package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.photo.PhotoStore;
import id.go.cilegon.juare.platform.DataDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Photos as files in {@code DATA_DIR/photos/ab/<id>.jpg} and {@code <id>-thumb.jpg}, spread over sub-folders by
 * the id's first two characters so that no folder grows huge.
 */
class FileSystemPhotoStore implements PhotoStore {

    private final Path root;

    FileSystemPhotoStore(DataDirectory dataDirectory) {
        this.root = dataDirectory.directory("photos");
    }

    @Override
    public Mono<Void> save(UUID id, byte[] image, byte[] thumbnail) {
        return Mono.<Void>fromCallable(() -> writeBoth(id, image, thumbnail))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<byte[]> load(UUID id, boolean thumbnail) {
        return Mono.fromCallable(() -> read(file(id, thumbnail)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> delete(UUID id) {
        return Mono.<Void>fromCallable(() -> deleteBoth(id))
                .subscribeOn(Schedulers.boundedElastic());
    }

    Path file(UUID id, boolean thumbnail) {
        String name = id.toString();
        return root.resolve(name.substring(0, 2)).resolve(thumbnail ? name + "-thumb.jpg" : name + ".jpg");
    }

    private Void writeBoth(UUID id, byte[] image, byte[] thumbnail) throws IOException {
        // the thumbnail first: a photo whose main file exists is complete
        write(file(id, true), thumbnail);
        write(file(id, false), image);
        return null;
    }

    private Void deleteBoth(UUID id) throws IOException {
        Files.deleteIfExists(file(id, false));
        Files.deleteIfExists(file(id, true));
        return null;
    }

    /** Returns null (an empty Mono) when the file is absent. */
    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Writes a temporary file in the same folder, forces it to disk, then renames it into place. */
    private static void write(Path target, byte[] content) throws IOException {
        Path folder = Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(folder, ".upload-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // a rename within one folder: readers see the old file or the new one, never half of it
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
