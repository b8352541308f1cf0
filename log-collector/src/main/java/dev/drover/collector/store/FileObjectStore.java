package dev.drover.collector.store;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objects as files: {@code file:///dir/} paths as they are, {@code cos://} and {@code cfs://} paths
 * under the embedded store root ({@link LocalStoreLayout}). Each object is written to a temporary
 * name in its own directory, forced, then renamed over the final name, so a kill at any point
 * leaves the old object or the new one, never a mix. Renames become durable at {@link #flush}, once
 * per directory per batch.
 */
public final class FileObjectStore implements ObjectStore {

    private static final int BUFFER = 64 * 1024;

    private final LocalStoreLayout layout;
    private final boolean fsync;
    private final Set<Path> unsyncedDirectories = ConcurrentHashMap.newKeySet();

    public FileObjectStore(LocalStoreLayout layout, boolean fsync) {
        this.layout = layout;
        this.fsync = fsync;
    }

    @Override
    public boolean serves(RemotePath location) {
        return true;
    }

    @Override
    public StoredObject put(RemotePath object, Content content) throws IOException {
        Path target = layout.locate(object);
        Path temp = temporarySibling(target);
        MessageDigest digest = sha256();
        long size;
        try (FileChannel channel =
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            CountingStream counted = new CountingStream(Channels.newOutputStream(channel));
            try (OutputStream out =
                    new DigestOutputStream(new BufferedOutputStream(counted, BUFFER), digest)) {
                content.writeTo(out);
                out.flush();
                size = counted.count;
                if (fsync) {
                    channel.force(true);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        publish(temp, target);
        return new StoredObject(
                RemotePath.fileUriPath(target), size, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public void copy(RemotePath source, RemotePath target) throws IOException {
        Path from = layout.locate(source);
        Path to = layout.locate(target);
        Path temp = temporarySibling(to);
        try {
            // A hard link shares the already-forced bytes: no copy, nothing more to sync.
            Files.createLink(temp, from);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        publish(temp, to);
    }

    @Override
    public boolean exists(RemotePath object) {
        return Files.exists(layout.locate(object));
    }

    private static Path temporarySibling(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        // Short and fixed-length: the object's own name may already be near the 255-byte limit.
        return target.resolveSibling(".drover-" + UUID.randomUUID() + ".tmp");
    }

    private void publish(Path temp, Path target) throws IOException {
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
            unsyncedDirectories.add(target.getParent());
        }
    }

    /** Forces each directory that got a new name once, however many objects it got. */
    @Override
    public void flush() throws IOException {
        for (Path dir : List.copyOf(unsyncedDirectories)) {
            forceDirectory(dir);
            unsyncedDirectories.remove(dir);
        }
    }

    // The rename is durable only once its directory is.
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
