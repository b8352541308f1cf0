package dev.drover.store.file;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.Hashing;
import dev.drover.store.HashingOutput;
import dev.drover.store.NoSuchObjectException;
import dev.drover.store.ObjectInfo;
import dev.drover.store.ObjectStore;
import dev.drover.store.PutResult;
import dev.drover.store.RelativeKeys;
import dev.drover.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded default store: {@code file://} paths are the files themselves, {@code cos://} and
 * {@code cfs://} paths live under the store root as {@link LocalStoreLayout} says. Every write goes
 * to a temporary sibling, is forced when {@code fsync} is on, and is renamed over the target.
 */
public final class FileStore implements ObjectStore {

    private final LocalStoreLayout layout;
    private final AtomicFiles files;

    public FileStore(LocalStoreLayout layout, boolean fsync) {
        this(layout, fsync, false);
    }

    /**
     * @param deferDirectorySync whether renames become durable only at {@link #flush} (one
     *     directory force per directory per batch, for a writer that announces objects in batches)
     */
    public FileStore(LocalStoreLayout layout, boolean fsync, boolean deferDirectorySync) {
        this.layout = layout;
        this.files = new AtomicFiles(fsync, deferDirectorySync);
    }

    /** The local file or directory a path maps to; refuses paths that leave the store. */
    public Path locate(RemotePath path) throws StoreException {
        try {
            return layout.locate(path);
        } catch (IllegalArgumentException e) {
            throw new StoreException("InvalidPath", false, e.getMessage(), e);
        }
    }

    @Override
    public PutResult put(RemotePath object, Path localFile) throws IOException {
        try (InputStream in = Files.newInputStream(localFile)) {
            return put(object, in);
        }
    }

    @Override
    public PutResult put(RemotePath object, InputStream content) throws IOException {
        Path target = locate(object);
        Hashing hashing = new Hashing(content);
        files.write(target, hashing);
        return new PutResult(RemotePath.fileUriPath(target), hashing.count(), hashing.sha256Hex());
    }

    @Override
    public PutResult write(RemotePath object, ContentWriter content) throws IOException {
        Path target = locate(object);
        HashingOutput[] hashing = new HashingOutput[1];
        files.write(
                target,
                out -> {
                    hashing[0] = new HashingOutput(out);
                    content.writeTo(hashing[0]);
                    hashing[0].flush();
                });
        return new PutResult(
                RemotePath.fileUriPath(target), hashing[0].count(), hashing[0].sha256Hex());
    }

    /** A hard link where the file system allows one, else a copy; atomic either way. */
    @Override
    public void copy(RemotePath source, RemotePath target) throws IOException {
        Path from = locate(source);
        if (!Files.isRegularFile(from)) {
            throw new NoSuchObjectException(source, "NoSuchKey", null);
        }
        files.link(from, locate(target));
    }

    @Override
    public void flush() throws IOException {
        files.flush();
    }

    @Override
    public void get(RemotePath object, Path localFile) throws IOException {
        try (InputStream in = open(object)) {
            files.write(localFile.toAbsolutePath(), in);
        }
    }

    @Override
    public InputStream open(RemotePath object) throws IOException {
        Path file = locate(object);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchObjectException(object, "NoSuchKey", null);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(object, "NoSuchKey", e);
        }
    }

    @Override
    public List<ObjectInfo> list(RemotePath prefix) throws IOException {
        String dirKey = RelativeKeys.directoryKey(prefix);
        RemotePath dir = new RemotePath(prefix.scheme(), prefix.bucket(), prefix.region(), dirKey);
        Path base = locate(dir);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<ObjectInfo> objects = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (!AtomicFiles.isTemporary(file)) {
                    String relative = RelativeKeys.keyOf(base, file);
                    objects.add(new ObjectInfo(dir.resolve(relative), relative, Files.size(file)));
                }
            }
        }
        objects.sort(Comparator.comparing(ObjectInfo::relativeKey));
        return objects;
    }

    @Override
    public boolean exists(RemotePath object) throws IOException {
        return Files.exists(locate(object));
    }

    @Override
    public long size(RemotePath object) throws IOException {
        Path file = locate(object);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchObjectException(object, "NoSuchKey", null);
        }
        return Files.size(file);
    }

    @Override
    public String uri(RemotePath object) {
        return RemotePath.fileUriPath(layout.locate(object));
    }
}
