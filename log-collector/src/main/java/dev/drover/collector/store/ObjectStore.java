package dev.drover.collector.store;

import dev.drover.contract.storage.RemotePath;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where archived logs go. An implementation writes whole objects atomically (a reader sees the old
 * object or the complete new one) and reports the bytes it stored, so the sha256 announced is that
 * of the stored object. {@code file://} (and {@code cos://} mapped onto the local store) now; a
 * real COS implementation goes behind the same interface.
 */
public interface ObjectStore {

    /** Whether this store serves {@code location}. */
    boolean serves(RemotePath location);

    /** Writes {@code object} from {@code content}, replacing any object of that name. */
    StoredObject put(RemotePath object, Content content) throws IOException;

    /** Makes {@code target} hold the same bytes as {@code source}, atomically. */
    void copy(RemotePath source, RemotePath target) throws IOException;

    /** Whether an object of that name exists. */
    boolean exists(RemotePath object) throws IOException;

    /**
     * Makes the names of every object put or copied since the last call durable. Stores whose
     * writes are durable when they return (COS) need do nothing.
     */
    default void flush() throws IOException {}

    /** Produces an object's bytes into the stream the store gives it. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
