package dev.drover.benchmark.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the benchmark saw of one job on Kafka: task releases, instance starts and exits, and
 * the scheduler's final job state. Written by the recorder's thread, read by a scenario once {@link
 * #await} returned.
 */
public final class JobTimeline {

    private final Map<String, TaskTimes> tasks = new HashMap<>();
    private int ended;
    private String finalState;
    private String reason;

    synchronized void taskReady(String task, int attempt, Instant created, long sentMillis) {
        TaskTimes times = task(task);
        if (attempt == 1 && times.readyCreated == null) {
            times.readyCreated = created;
            times.readySentMillis = sentMillis;
        }
    }

    synchronized void running(String task, int index, int attempt, Instant startedAt) {
        if (attempt == 1) {
            task(task).instance(index).started = startedAt;
        }
    }

    synchronized void ended(
            String task,
            int index,
            int attempt,
            boolean ok,
            Instant startedAt,
            Instant endedAt,
            long sentMillis) {
        InstanceTimes times = task(task).instance(index);
        if (attempt != 1 || times.ended != null) {
            return;
        }
        if (times.started == null) {
            times.started = startedAt;
        }
        times.ended = endedAt != null ? endedAt : Instant.ofEpochMilli(sentMillis);
        times.endSentMillis = sentMillis;
        times.succeeded = ok;
        ended++;
        notifyAll();
    }

    synchronized void finished(String state, String why) {
        finalState = state;
        reason = why;
        notifyAll();
    }

    /**
     * Waits until the job reached a final state and, if it succeeded, until {@code instances}
     * instances were seen ending (the instance events may arrive after the job's). Returns the
     * final state, or null on timeout.
     */
    public synchronized String await(int instances, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finalState == null || ("SUCCEED".equals(finalState) && ended < instances)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return finalState;
    }

    /** The scheduler's reason for the final state. */
    public synchronized String reason() {
        return reason;
    }

    /** One task's times; empty if nothing was seen of it. */
    public synchronized TaskTimes task(String name) {
        return tasks.computeIfAbsent(name, n -> new TaskTimes());
    }
}
