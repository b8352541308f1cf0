package dev.drover.provisioner.attempt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.contract.EventCodec;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The provisioner's durable memory, an append-only file of JSON lines: which attempts it accepted
 * (dedupe of redelivered TaskReady), which commands it started (pid, group, start time, deadline)
 * and when jobs were last terminated. A line is written before the Kafka record that caused it is
 * acknowledged. Replayed on start; a torn last line from a crash is skipped. Compacted on start and
 * whenever it has grown well past what it must remember.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Journal.class);
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final int COMPACT_SLACK = 50_000;

    private final Path file;
    private final boolean fsync;
    private final long retentionMillis;
    private final Map<AttemptId, Long> known = new HashMap<>();
    private final Map<AttemptId, JournalEntry> open = new LinkedHashMap<>();
    private final Map<String, Long> terminatedJobs = new HashMap<>();
    private FileOutputStream out;
    private long linesSinceCompaction;

    /** Opens (and replays) the journal in {@code dir}. */
    public Journal(Path dir, boolean fsync, Duration retention) {
        this.file = dir.resolve("journal.jsonl");
        this.fsync = fsync;
        this.retentionMillis = retention.toMillis();
        try {
            Files.createDirectories(dir);
            replay();
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /**
     * Records an attempt as accepted. Returns false if it was seen before (a redelivery), in which
     * case nothing is written.
     */
    public synchronized boolean accept(AttemptId id) {
        if (known.containsKey(id)) {
            return false;
        }
        JournalEntry entry = JournalEntry.of(JournalEntry.Type.ACCEPTED, id, now());
        known.put(id, entry.at());
        open.put(id, entry);
        append(entry);
        return true;
    }

    /** Records that the attempt's launch begins (before anything of it can run). */
    public synchronized void launched(AttemptId id) {
        JournalEntry entry = JournalEntry.of(JournalEntry.Type.LAUNCHED, id, now());
        open.put(id, entry);
        append(entry);
    }

    /** Records that the attempt's command runs, with what a restart needs to kill it. */
    public synchronized void running(AttemptId id, ProcessRef ref, long startedAt, long deadline) {
        JournalEntry entry = JournalEntry.running(id, ref, startedAt, deadline);
        open.put(id, entry);
        append(entry);
    }

    /** Records that the attempt's final event reached the broker. */
    public synchronized void done(AttemptId id) {
        open.remove(id);
        known.put(id, now());
        append(JournalEntry.of(JournalEntry.Type.DONE, id, now()));
        if (linesSinceCompaction > 3L * (known.size() + terminatedJobs.size()) + COMPACT_SLACK) {
            compactQuietly();
        }
    }

    /**
     * Records that the job was terminated at {@code decidedAt} (the TerminateJob's occurredAt):
     * work of it released then or before is stopped. Returns false, writing nothing, if a terminate
     * at least as recent is already recorded (a redelivery).
     */
    public synchronized boolean terminate(String jobId, Instant decidedAt) {
        long at = decidedAt.toEpochMilli();
        Long known = terminatedJobs.get(jobId);
        if (known != null && known >= at) {
            return false;
        }
        terminatedJobs.put(jobId, at);
        append(JournalEntry.terminated(jobId, at));
        return true;
    }

    /**
     * Whether a terminate stops work of the job released at {@code releasedAt}: it was released at
     * or before the job's latest terminate. Work released after it (a RetryJob's) is not stopped;
     * work of unknown release time is, once the job was ever terminated.
     */
    public synchronized boolean stops(String jobId, Instant releasedAt) {
        Long terminatedAt = terminatedJobs.get(jobId);
        return terminatedAt != null
                && (releasedAt == null || releasedAt.toEpochMilli() <= terminatedAt);
    }

    /** Attempts accepted but not done: after a restart, what the previous run left behind. */
    public synchronized List<JournalEntry> openEntries() {
        return new ArrayList<>(open.values());
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            LOG.warnf("closing journal %s: %s", file, e.getMessage());
        }
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                apply(line);
            }
        }
    }

    private void apply(String line) {
        JournalEntry entry;
        try {
            entry = JSON.readValue(line, JournalEntry.class);
        } catch (IOException e) {
            // A crash can tear the last line; everything before it is intact.
            LOG.warnf("skipping unreadable journal line in %s", file);
            return;
        }
        AttemptId id = entry.attemptId();
        switch (entry.type()) {
            case ACCEPTED, LAUNCHED, RUNNING -> {
                known.put(id, entry.at());
                open.put(id, entry);
            }
            case DONE -> {
                known.put(id, entry.at());
                open.remove(id);
            }
            case TERMINATED -> terminatedJobs.merge(entry.jobId(), entry.at(), Math::max);
        }
    }

    private void compactQuietly() {
        try {
            compact();
        } catch (IOException e) {
            LOG.errorf("cannot compact journal %s: %s", file, e.getMessage());
        }
    }

    /** Rewrites the file with only what must still be remembered, then appends to it. */
    private void compact() throws IOException {
        long oldest = now() - retentionMillis;
        known.values().removeIf(at -> at < oldest);
        terminatedJobs.values().removeIf(at -> at < oldest);
        open.keySet().forEach(id -> known.putIfAbsent(id, now()));
        Path next = file.resolveSibling("journal.jsonl.next");
        try (FileOutputStream writer = new FileOutputStream(next.toFile())) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<AttemptId, Long> e : known.entrySet()) {
                if (!open.containsKey(e.getKey())) {
                    text.append(
                            line(
                                    JournalEntry.of(
                                            JournalEntry.Type.DONE, e.getKey(), e.getValue())));
                }
            }
            open.values().forEach(entry -> text.append(line(entry)));
            terminatedJobs.forEach(
                    (job, at) -> text.append(line(JournalEntry.terminated(job, at))));
            writer.write(text.toString().getBytes(StandardCharsets.UTF_8));
            writer.getFD().sync();
        }
        if (out != null) {
            out.close();
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = new FileOutputStream(file.toFile(), true);
        linesSinceCompaction = 0;
    }

    private void append(JournalEntry entry) {
        try {
            out.write(line(entry).getBytes(StandardCharsets.UTF_8));
            if (fsync) {
                out.getFD().sync();
            }
            linesSinceCompaction++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file, e);
        }
    }

    private static String line(JournalEntry entry) {
        try {
            return JSON.writeValueAsString(entry) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
