package dev.drover.collector.spool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A stream whose every chunk, up to the last, is held; ready to be archived.
 *
 * @param id the stream's spool identity
 * @param header who it belongs to and where it goes
 */
public record CompletedStream(String id, StreamHeader header, Source source) {

    /** Where the bytes are: a spool file, or (for a stream of one chunk) the chunk itself. */
    public sealed interface Source {}

    /** A spool file whose frames {@code 0..lastSeq} make the stream. */
    public record Spooled(Path file, long lastSeq, boolean inOrder) implements Source {}

    /** A stream that came whole in one chunk, never spooled. */
    public record Inline(byte[] data) implements Source {}

    /** Writes the stream's bytes, in sequence order, to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        if (source instanceof Spooled s) {
            SpoolFile.copyInOrder(s.file(), s.lastSeq(), s.inOrder(), out);
        } else if (source instanceof Inline i) {
            out.write(i.data());
        }
    }
}
