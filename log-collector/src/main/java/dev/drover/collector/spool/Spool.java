package dev.drover.collector.spool;

import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogsArchived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Partial streams on disk, one append-only {@link SpoolFile} per attempt and stream under {@code
 * <dir>/streams/}, plus markers of archived streams under {@code <dir>/archived/}. Everything it
 * knows can be rebuilt from those files, so the in-memory state may be dropped at any time (after a
 * crash, a rebalance or a failed batch). Not thread-safe: one consumer thread drives it.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Spool.class);

    /** What became of one chunk. */
    public enum Outcome {
        /** New bytes, held in the spool. */
        ACCEPTED,
        /** Already held (seq seen before); ignored. */
        DUPLICATE,
        /** The stream was archived before; ignored (a repeated last chunk re-announces it). */
        ARCHIVED_BEFORE
    }

    /**
     * The verdict on one chunk.
     *
     * @param outcome what became of it
     * @param archived for {@link Outcome#ARCHIVED_BEFORE}, the event that announced the stream
     */
    public record Verdict(Outcome outcome, LogsArchived archived) {}

    private final Path streamsDir;
    private final ArchivedMarkers markers;
    private final int maxOpenFiles;
    private final ExecutorService io;
    private final Map<String, OpenStream> streams = new HashMap<>();
    private final LinkedHashMap<String, OpenStream> withChannel =
            new LinkedHashMap<>(16, 0.75f, true);
    private final Set<OpenStream> dirty = new LinkedHashSet<>();
    private final List<CompletedStream> completed = new ArrayList<>();

    public Spool(Path dir, int maxOpenFiles, ExecutorService io) {
        this.streamsDir = dir.resolve("streams");
        this.markers = new ArchivedMarkers(dir.resolve("archived"));
        this.maxOpenFiles = Math.max(1, maxOpenFiles);
        this.io = io;
    }

    /** Takes one chunk read from {@code partition} at {@code offset}. */
    public Verdict accept(LogChunk chunk, int partition, long offset) throws IOException {
        StreamHeader header = StreamHeader.of(chunk);
        String id = header.id();
        OpenStream stream = streams.get(id);
        if (stream == null) {
            Optional<LogsArchived> archived = markers.find(id);
            if (archived.isPresent()) {
                return new Verdict(Outcome.ARCHIVED_BEFORE, archived.get());
            }
            stream = load(id, header, partition, offset);
        }
        if (!stream.progress.isNew(chunk.seq())) {
            return new Verdict(Outcome.DUPLICATE, null);
        }
        hold(stream, chunk);
        return new Verdict(Outcome.ACCEPTED, null);
    }

    private OpenStream load(String id, StreamHeader header, int partition, long offset)
            throws IOException {
        Path file = streamsDir.resolve(id.substring(0, 2)).resolve(id + ".spool");
        OpenStream stream = null;
        if (Files.exists(file)) {
            SpoolFile.Recovered recovered = SpoolFile.recover(file);
            if (recovered != null) {
                stream = new OpenStream(id, recovered.header(), file, recovered.progress(), true);
                LOG.debugf(
                        "recovered spool %s next=%d", header.logContext(), stream.progress.next());
            } else {
                Files.delete(file);
            }
        }
        if (stream == null) {
            stream = new OpenStream(id, header, file, new StreamProgress(), false);
        }
        stream.partition = partition;
        stream.firstOffset = offset;
        streams.put(id, stream);
        return stream;
    }

    private void hold(OpenStream stream, LogChunk chunk) throws IOException {
        byte[] data = chunk.data() == null ? new byte[0] : chunk.data();
        boolean wholeInOne = chunk.seq() == 0 && chunk.last() && !stream.onDisk;
        if (wholeInOne) {
            // A stream of one chunk (most of a wide fan-out) skips the spool file and its fsync:
            // it is archived in this batch, before the offset is committed.
            stream.inline = data;
        } else {
            FileChannel channel = channel(stream);
            SpoolFile.append(channel, chunk.seq(), chunk.last(), data);
            dirty.add(stream);
        }
        stream.progress.accept(chunk.seq(), chunk.last());
        if (stream.progress.complete()) {
            completed.add(stream.completed());
        }
    }

    private FileChannel channel(OpenStream stream) throws IOException {
        if (stream.channel != null) {
            withChannel.get(stream.id);
            return stream.channel;
        }
        while (withChannel.size() >= maxOpenFiles) {
            release(withChannel.values().iterator().next());
        }
        stream.channel =
                stream.onDisk
                        ? SpoolFile.openForAppend(stream.file)
                        : SpoolFile.create(stream.file, stream.header);
        stream.onDisk = true;
        withChannel.put(stream.id, stream);
        return stream.channel;
    }

    // Closing does not sync: a dirty file is forced first, so the batch's flush still covers it.
    private void release(OpenStream stream) throws IOException {
        if (stream.channel == null) {
            return;
        }
        if (dirty.remove(stream)) {
            stream.channel.force(false);
        }
        stream.channel.close();
        stream.channel = null;
        withChannel.remove(stream.id);
    }

    /** Makes every chunk accepted so far durable: forces the written spool files, in parallel. */
    public void flush() throws IOException {
        List<Future<?>> forces = new ArrayList<>();
        for (OpenStream stream : dirty) {
            FileChannel channel = stream.channel;
            forces.add(io.submit(() -> forceQuietly(channel)));
        }
        dirty.clear();
        awaitAll(forces);
    }

    private static Void forceQuietly(FileChannel channel) {
        try {
            channel.force(false);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitAll(List<Future<?>> futures) throws IOException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                throw new IOException(cause);
            }
        }
    }

    /** Streams completed since the last call, in completion order. */
    public List<CompletedStream> drainCompleted() {
        List<CompletedStream> done = List.copyOf(completed);
        completed.clear();
        return done;
    }

    /** Records that a completed stream is archived: writes its marker, drops its spool file. */
    public void markArchived(CompletedStream stream, LogsArchived event) throws IOException {
        markers.write(stream.id(), event);
        OpenStream open = streams.remove(stream.id());
        if (open != null) {
            release(open);
            Files.deleteIfExists(open.file);
        }
    }

    /**
     * The lowest offset on {@code partition} that an unfinished stream was first seen at: the
     * consumer commits no further, so whichever replica owns the partition next reads that stream's
     * chunks again (its own spool may not have them) and duplicates are dropped by seq.
     */
    public OptionalLong holdBack(int partition) {
        return streams.values().stream()
                .filter(s -> s.partition == partition && s.firstOffset >= 0)
                .mapToLong(s -> s.firstOffset)
                .min();
    }

    /** Drops what is known of streams read from these partitions; their files stay. */
    public void forget(Collection<Integer> partitions) throws IOException {
        List<OpenStream> gone =
                streams.values().stream().filter(s -> partitions.contains(s.partition)).toList();
        for (OpenStream stream : gone) {
            release(stream);
            streams.remove(stream.id);
        }
        completed.removeIf(c -> !streams.containsKey(c.id()));
    }

    /** How many streams are held in memory. */
    public int openStreams() {
        return streams.size();
    }

    /**
     * Deletes archive markers and abandoned spool files (no write since {@code cutoff}, not held in
     * memory); returns how many files went.
     */
    public int sweep(Instant cutoff) throws IOException {
        int removed = markers.deleteOlderThan(cutoff);
        if (!Files.isDirectory(streamsDir)) {
            return removed;
        }
        try (Stream<Path> files = Files.walk(streamsDir)) {
            List<Path> stale =
                    files.filter(Files::isRegularFile)
                            .filter(f -> !streams.containsKey(streamIdOf(f)))
                            .filter(f -> ArchivedMarkers.modifiedBefore(f, cutoff))
                            .toList();
            for (Path file : stale) {
                LOG.warnf("deleting abandoned spool file %s (no last chunk came)", file);
                removed += ArchivedMarkers.deleteQuietly(file) ? 1 : 0;
            }
        }
        return removed;
    }

    private static String streamIdOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Closes every file without syncing it and forgets all state (it stays on disk). */
    @Override
    public void close() {
        for (OpenStream stream : List.copyOf(withChannel.values())) {
            try {
                stream.channel.close();
            } catch (IOException e) {
                LOG.debugf("closing spool %s: %s", stream.file, e);
            }
            stream.channel = null;
        }
        withChannel.clear();
        dirty.clear();
        streams.clear();
        completed.clear();
    }

    private static final class OpenStream {
        final String id;
        final StreamHeader header;
        final Path file;
        final StreamProgress progress;
        boolean onDisk;
        FileChannel channel;
        byte[] inline;
        int partition = -1;
        long firstOffset = -1;

        OpenStream(
                String id,
                StreamHeader header,
                Path file,
                StreamProgress progress,
                boolean onDisk) {
            this.id = id;
            this.header = header;
            this.file = file;
            this.progress = progress;
            this.onDisk = onDisk;
        }

        CompletedStream completed() {
            CompletedStream.Source source =
                    inline != null
                            ? new CompletedStream.Inline(inline)
                            : new CompletedStream.Spooled(
                                    file, progress.lastSeq(), progress.inOrder());
            return new CompletedStream(id, header, source);
        }
    }
}
