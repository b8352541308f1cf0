package dev.drover.store;

import dev.drover.contract.storage.RemotePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Objects under remote paths ({@code file://}, {@code cos://}), as the provisioner stages inputs,
 * uploads outputs and fetches packages, the log collector archives logs and job-service reads them.
 *
 * <p>Writes are whole-object and atomic: a reader sees the old object or the complete new one.
 * Directory paths end with {@code /}; a directory "exists" as the objects below it. Failures are
 * {@link StoreException}s that say whether a retry can help; a missing object is {@link
 * NoSuchObjectException}.
 */
public interface ObjectStore {

    /** Stores a local file as {@code object}, replacing any object of that name. */
    PutResult put(RemotePath object, Path localFile) throws IOException;

    /** Stores everything {@code content} yields as {@code object}; the caller closes the stream. */
    PutResult put(RemotePath object, InputStream content) throws IOException;

    /**
     * Copies {@code object} to {@code localFile} (parents created), atomically: the file appears
     * complete or not at all.
     */
    void get(RemotePath object, Path localFile) throws IOException;

    /** Opens {@code object} for reading; the caller closes the stream. */
    InputStream open(RemotePath object) throws IOException;

    /** Every object below the directory {@code prefix}, recursively, in key order. */
    List<ObjectInfo> list(RemotePath prefix) throws IOException;

    /**
     * Copies every object below the directory {@code prefix} to the same relative path under {@code
     * localDir}. Refuses keys that would land outside {@code localDir}.
     *
     * @return the number of files written
     */
    default int download(RemotePath prefix, Path localDir) throws IOException {
        List<ObjectInfo> objects = list(prefix);
        Files.createDirectories(localDir);
        for (ObjectInfo object : objects) {
            get(object.path(), RelativeKeys.localFile(localDir, object.relativeKey()));
        }
        return objects.size();
    }

    /**
     * Stores every regular file below {@code localDir} under the directory {@code prefix}, keyed by
     * its relative path.
     *
     * @return the number of objects written
     */
    default int upload(Path localDir, RemotePath prefix) throws IOException {
        RemotePath dir =
                new RemotePath(
                        prefix.scheme(),
                        prefix.bucket(),
                        prefix.region(),
                        RelativeKeys.directoryKey(prefix));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(localDir)) {
            sources = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : sources) {
            put(dir.resolve(RelativeKeys.keyOf(localDir, file)), file);
        }
        return sources.size();
    }

    /** Whether {@code object} exists (a directory path: whether anything is below it). */
    boolean exists(RemotePath object) throws IOException;

    /** Size of {@code object} in bytes. */
    long size(RemotePath object) throws IOException;

    /**
     * How others may reach {@code object}: {@code file:///abs/path} for the embedded store (read
     * directly from disk), {@code cos://...} for COS.
     */
    String uri(RemotePath object);

    /**
     * Stores what {@code content} writes as {@code object}, for producers that push bytes (the log
     * collector copying a spool file) rather than offer a stream to pull from.
     */
    PutResult write(RemotePath object, ContentWriter content) throws IOException;

    /**
     * Makes {@code target} hold the same bytes as {@code source}, replacing any object of that
     * name. Stores copy without passing the bytes through this process where they can.
     */
    default void copy(RemotePath source, RemotePath target) throws IOException {
        try (InputStream in = open(source)) {
            put(target, in);
        }
    }

    /**
     * Makes the names of objects written since the last call durable, for stores that batch that
     * work (the file store with deferred directory sync); others do nothing.
     */
    default void flush() throws IOException {}

    /** Produces an object's bytes into the stream the store hands it. */
    @FunctionalInterface
    interface ContentWriter {
        /** Writes every byte of the object to {@code out}; the store closes it. */
        void writeTo(OutputStream out) throws IOException;
    }
}
