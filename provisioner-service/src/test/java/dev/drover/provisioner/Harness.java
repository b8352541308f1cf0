package dev.drover.provisioner;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/** Test helpers: fixtures, sending work, reading back instance events and reassembled logs. */
public final class Harness implements AutoCloseable {

    private final TopicProbe events;
    private final TopicProbe logs;

    private Harness(TopicProbe events, TopicProbe logs) {
        this.events = events;
        this.logs = logs;
    }

    /** Starts probes on the instance events and logs topics, from now on. */
    public static Harness open() {
        String servers = LocalStackResource.bootstrapServers();
        return new Harness(
                TopicProbe.fromEnd(servers, Topics.INSTANCE_EVENTS),
                TopicProbe.fromEnd(servers, Topics.LOGS));
    }

    @Override
    public void close() throws InterruptedException {
        events.close();
        logs.close();
    }

    /** A fresh job id in the service's shape. */
    public static String newJobId() {
        return "job-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A task from a fixture under src/test/resources/jobs/, changed by {@code edit}. */
    public static TaskSpec task(String fixture, Consumer<ObjectNode> edit) {
        try (InputStream in = Harness.class.getResourceAsStream("/jobs/" + fixture)) {
            ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(in);
            edit.accept(json);
            return EventCodec.mapper().treeToValue(json, TaskSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TaskSpec task(String fixture) {
        return task(fixture, json -> {});
    }

    /** Publishes a TaskReady and waits for the broker's ack. */
    public static TaskReady release(
            String jobId, int priority, int attempt, List<Integer> indexes, TaskSpec task) {
        return publish(TaskReady.of(jobId, attempt, indexes, priority, null, null, task));
    }

    /** Publishes a TaskReady of a job with that StateIfCreateCvmFailed, priority 1. */
    public static TaskReady release(
            String jobId,
            int attempt,
            List<Integer> indexes,
            TaskSpec task,
            String stateIfCreateCvmFailed) {
        return publish(
                TaskReady.of(jobId, attempt, indexes, 1, null, stateIfCreateCvmFailed, task));
    }

    /**
     * Publishes a TaskReady (priority 1) as if the scheduler had decided it at {@code decidedAt}: a
     * release that raced a terminate, or one delayed in the broker.
     */
    public static TaskReady releaseDecidedAt(
            String jobId, int attempt, List<Integer> indexes, TaskSpec task, Instant decidedAt) {
        TaskReady now = TaskReady.of(jobId, attempt, indexes, 1, null, null, task);
        return publish(
                new TaskReady(
                        now.eventId(),
                        decidedAt,
                        jobId,
                        now.schemaVersion(),
                        task.taskName(),
                        attempt,
                        indexes,
                        1,
                        null,
                        null,
                        task));
    }

    private static TaskReady publish(TaskReady ready) {
        send(Topics.TASK_READY, ready);
        return ready;
    }

    public static void send(String topic, Event event) {
        TopicProbe.send(
                LocalStackResource.bootstrapServers(),
                topic,
                event.key(),
                EventCodec.encode(event));
    }

    /** Every instance event of a job seen so far, in topic order. */
    public List<InstanceEvent> events(String jobId) {
        return events.records().stream()
                .filter(r -> jobId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), InstanceEvent.class))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Events of one attempt, in order. */
    public List<InstanceEvent> events(String jobId, String task, int index, int attempt) {
        return events(jobId).stream()
                .filter(e -> e.taskName().equals(task))
                .filter(e -> e.instanceIndex() == index && e.attempt() == attempt)
                .toList();
    }

    /** Waits for the final event of an attempt. */
    public InstanceEvent awaitFinal(
            String jobId, String task, int index, int attempt, Duration max) {
        return await().atMost(max)
                .until(() -> finalEvent(events(jobId, task, index, attempt)), Objects::nonNull);
    }

    private static InstanceEvent finalEvent(List<InstanceEvent> events) {
        return events.stream()
                .filter(e -> e instanceof InstanceSucceeded || e instanceof InstanceFailed)
                .findFirst()
                .orElse(null);
    }

    /**
     * The stream reassembled from its chunks, once its last chunk arrived and no seq is missing.
     */
    public byte[] awaitStream(
            String jobId, String task, int index, int attempt, LogStream stream, Duration max) {
        return await().atMost(max)
                .until(() -> reassemble(jobId, task, index, attempt, stream), Objects::nonNull);
    }

    /** All chunks of one stream, ordered by seq. */
    public List<LogChunk> chunks(String jobId, String task, int index, int attempt, LogStream s) {
        return logs.records().stream()
                .filter(r -> jobId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), LogChunk.class))
                .filter(c -> c.taskName().equals(task) && c.instanceIndex() == index)
                .filter(c -> c.attempt() == attempt && c.stream() == s)
                .sorted(Comparator.comparingLong(LogChunk::seq))
                .toList();
    }

    private byte[] reassemble(String jobId, String task, int index, int attempt, LogStream s) {
        List<LogChunk> chunks = chunks(jobId, task, index, attempt, s);
        if (chunks.isEmpty() || !chunks.get(chunks.size() - 1).last()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).seq() != i) {
                return null;
            }
            out.writeBytes(chunks.get(i).data());
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Pids of live processes whose environment holds {@code BATCH_JOB_ID=<jobId>}. */
    public static List<Long> processesOfJob(String jobId) {
        byte[] marker = ("BATCH_JOB_ID=" + jobId + "\0").getBytes(StandardCharsets.UTF_8);
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            List<Long> pids = new java.util.ArrayList<>();
            for (Path dir : dirs) {
                if (contains(readQuietly(dir.resolve("environ")), marker)) {
                    pids.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pids of live processes whose command line is exactly {@code argv}. */
    public static List<Long> processesRunning(String... argv) {
        byte[] wanted = (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8);
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            List<Long> pids = new java.util.ArrayList<>();
            for (Path dir : dirs) {
                if (java.util.Arrays.equals(readQuietly(dir.resolve("cmdline")), wanted)) {
                    pids.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
