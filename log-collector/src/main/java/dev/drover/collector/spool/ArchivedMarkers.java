package dev.drover.collector.spool;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.LogsArchived;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One small file per archived stream, holding the LogsArchived that announced it. A chunk of that
 * stream delivered again later (after a crash, or because the provisioner sent it twice) is then
 * recognised as a duplicate instead of starting a new, never-ending spool, and a repeated last
 * chunk re-announces the same event.
 */
final class ArchivedMarkers {

    private final Path dir;

    ArchivedMarkers(Path dir) {
        this.dir = dir;
    }

    Optional<LogsArchived> find(String streamId) throws IOException {
        Path file = path(streamId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return Optional.ofNullable(EventCodec.decode(json, LogsArchived.class));
    }

    /** Writes the marker atomically; a crash leaves either no marker or a whole one. */
    void write(String streamId, LogsArchived event) throws IOException {
        Path file = path(streamId);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
        Files.writeString(temp, EventCodec.encode(event), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes markers older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return (int)
                    files.filter(Files::isRegularFile)
                            .filter(f -> modifiedBefore(f, cutoff))
                            .filter(ArchivedMarkers::deleteQuietly)
                            .count();
        }
    }

    static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private Path path(String streamId) {
        return dir.resolve(streamId.substring(0, 2)).resolve(streamId + ".json");
    }
}
