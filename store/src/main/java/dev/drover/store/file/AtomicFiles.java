package dev.drover.store.file;

import dev.drover.store.ObjectStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file through a temporary sibling and a rename, so a reader (or a crash) sees the old
 * file or the complete new one, never a prefix.
 */
public final class AtomicFiles {

    private static final String TEMP_PREFIX = ".drover-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER = 64 * 1024;

    private final boolean fsync;
    private final boolean deferDirectorySync;
    private final Set<Path> unsyncedDirectories = ConcurrentHashMap.newKeySet();

    public AtomicFiles(boolean fsync) {
        this(fsync, false);
    }

    /**
     * @param fsync whether file contents and renames are forced to disk
     * @param deferDirectorySync whether a rename's directory is forced at {@link #flush} (once per
     *     directory, however many files it got) rather than at each rename
     */
    public AtomicFiles(boolean fsync, boolean deferDirectorySync) {
        this.fsync = fsync;
        this.deferDirectorySync = deferDirectorySync;
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
        write(target, out -> content.transferTo(out));
    }

    /** Makes {@code target} hold exactly what {@code content} writes. */
    public void write(Path target, ObjectStore.ContentWriter content) throws IOException {
        Path temp = temporarySibling(target);
        try (FileChannel channel =
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            content.writeTo(out);
            out.flush();
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        publish(temp, target);
    }

    /** Makes {@code target} a hard link to {@code source} (a copy where links are unsupported). */
    public void link(Path source, Path target) throws IOException {
        Path temp = temporarySibling(target);
        try {
            // A hard link shares the already-forced bytes: no copy, nothing more to sync.
            Files.createLink(temp, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        publish(temp, target);
    }

    /** Forces each directory that got a new name since the last call (deferred mode only). */
    public void flush() throws IOException {
        for (Path dir : List.copyOf(unsyncedDirectories)) {
            forceDirectory(dir);
            unsyncedDirectories.remove(dir);
        }
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
        if (fsync && deferDirectorySync) {
            unsyncedDirectories.add(target.getParent());
        } else if (fsync) {
            forceDirectory(target.getParent());
        }
    }

    // The rename is durable only once its directory is.
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
