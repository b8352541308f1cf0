package dev.drover.store.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file through a temporary sibling and a rename, so a reader (or a crash) sees the old
 * file or the complete new one, never a prefix.
 */
public final class AtomicFiles {

    private static final String TEMP_PREFIX = ".drover-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final boolean fsync;

    public AtomicFiles(boolean fsync) {
        this.fsync = fsync;
    }

    /** Whether a file is one of our temporaries (listing must not show them). */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /** A fresh temporary name next to {@code target}, its directory created. */
    public static Path temporarySibling(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        // Short and fixed-length: the target's own name may already be near the 255-byte limit.
        return target.resolveSibling(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
    }

    /** Makes {@code target} hold exactly what {@code content} yields. */
    public void write(Path target, InputStream content) throws IOException {
        Path temp = temporarySibling(target);
        try (FileChannel channel =
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.transferTo(out);
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        publish(temp, target);
    }

    /** Renames a finished temporary over {@code target}. */
    public void publish(Path temp, Path target) throws IOException {
        try {
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (fsync) {
            // The rename is durable only once its directory is.
            try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }
}
