package dev.drover.collector.messaging;

import dev.drover.collector.archive.Archiver;
import dev.drover.collector.spool.CompletedStream;
import dev.drover.collector.spool.StreamHeader;
import dev.drover.contract.event.LogsArchived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Archives the streams one batch completed, in parallel (each object is forced, and fsync waits on
 * the disk, not the CPU). Streams that share a plain object name (attempts of one instance) run in
 * one task, oldest attempt first, so the plain name ends on the newest.
 */
final class ArchiveBatch {

    /**
     * One stream's outcome.
     *
     * @param stream the stream
     * @param marker the event announcing it; for a refused stream, one without a uri that only
     *     marks it done
     */
    record Result(CompletedStream stream, LogsArchived marker) {
        boolean announced() {
            return marker.uri() != null;
        }
    }

    private final Archiver archiver;
    private final ExecutorService io;

    ArchiveBatch(Archiver archiver, ExecutorService io) {
        this.archiver = archiver;
        this.io = io;
    }

    List<Result> archive(List<CompletedStream> completed) throws IOException {
        if (completed.isEmpty()) {
            return List.of();
        }
        Map<String, List<CompletedStream>> byPlainName = new LinkedHashMap<>();
        for (CompletedStream stream : completed) {
            byPlainName
                    .computeIfAbsent(Archiver.plainKey(stream.header()), k -> new ArrayList<>())
                    .add(stream);
        }
        List<Future<List<Result>>> groups = new ArrayList<>();
        for (List<CompletedStream> group : byPlainName.values()) {
            group.sort(Comparator.comparingInt(s -> s.header().attempt()));
            groups.add(io.submit(() -> archiveGroup(group)));
        }
        List<Result> results = new ArrayList<>(completed.size());
        for (Future<List<Result>> group : groups) {
            results.addAll(await(group));
        }
        archiver.flush();
        return results;
    }

    private List<Result> archiveGroup(List<CompletedStream> group) {
        List<Result> results = new ArrayList<>(group.size());
        for (CompletedStream stream : group) {
            try {
                LogsArchived marker =
                        archiver.archive(stream).orElseGet(() -> refused(stream.header()));
                results.add(new Result(stream, marker));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    private static LogsArchived refused(StreamHeader header) {
        return LogsArchived.of(
                header.jobId(),
                header.taskName(),
                header.instanceIndex(),
                header.attempt(),
                header.stream(),
                null,
                0,
                null);
    }

    private static List<Result> await(Future<List<Result>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while archiving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("archiving failed", e.getCause());
        }
    }
}
