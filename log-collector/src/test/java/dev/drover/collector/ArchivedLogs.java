package dev.drover.collector;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Waits for and reads what the collector announced on {@code drover.logs.archived}. */
final class ArchivedLogs implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final TopicProbe probe;

    private ArchivedLogs(TopicProbe probe) {
        this.probe = probe;
    }

    /** Follows the announcements made from now on. */
    static ArchivedLogs fromNow() {
        return new ArchivedLogs(
                TopicProbe.fromEnd(LocalStackResource.bootstrapServers(), Topics.LOGS_ARCHIVED));
    }

    @Override
    public void close() throws InterruptedException {
        probe.close();
    }

    LogsArchived await(String jobId, String task, int attempt, LogStream stream)
            throws InterruptedException {
        var record =
                probe.awaitRecord(
                        r -> {
                            LogsArchived e = decode(r.value());
                            return e != null
                                    && e.jobId().equals(jobId)
                                    && e.taskName().equals(task)
                                    && e.attempt() == attempt
                                    && e.stream() == stream;
                        },
                        WAIT);
        return decode(record.value());
    }

    List<LogsArchived> all(String jobId) {
        return probe.records().stream()
                .map(r -> decode(r.value()))
                .filter(e -> e != null && e.jobId().equals(jobId))
                .toList();
    }

    private static LogsArchived decode(String json) {
        try {
            return EventCodec.decode(json, LogsArchived.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The local file a {@code file://} uri names, read without percent-decoding. */
    static Path pathOf(String uri) {
        if (!uri.startsWith("file://")) {
            throw new AssertionError("not a file uri: " + uri);
        }
        return Path.of(uri.substring("file://".length()));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
