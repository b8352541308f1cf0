package dev.drover.provisioner.queue;

import dev.drover.provisioner.attempt.Attempt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides which waiting attempts may start: at most {@code slots} run at once, the highest job
 * Priority first, then the oldest arrival, and no task beyond its MaxConcurrentNum. Pure
 * bookkeeping, not thread-safe: the {@link Dispatcher} serialises calls.
 */
public final class CapacityQueue {

    /** Highest priority first, then arrival order. */
    static final Comparator<Attempt> ORDER =
            Comparator.comparingInt(Attempt::priority)
                    .reversed()
                    .thenComparingLong(Attempt::arrival);

    private final int slots;
    private final TreeSet<Attempt> waiting = new TreeSet<>(ORDER);
    private final Map<TaskKey, Integer> runningPerTask = new HashMap<>();
    private int running;

    private record TaskKey(String jobId, String taskName) {
        static TaskKey of(Attempt attempt) {
            return new TaskKey(attempt.id().jobId(), attempt.id().taskName());
        }
    }

    public CapacityQueue(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, was " + slots);
        }
        this.slots = slots;
    }

    /** Puts an attempt in line. */
    public void add(Attempt attempt) {
        waiting.add(attempt);
    }

    /** Takes the attempts that may start now, in start order, and counts them as running. */
    public List<Attempt> takeStartable() {
        List<Attempt> start = new ArrayList<>();
        Set<TaskKey> full = new HashSet<>();
        Iterator<Attempt> it = waiting.iterator();
        while (running < slots && it.hasNext()) {
            Attempt next = it.next();
            TaskKey task = TaskKey.of(next);
            if (full.contains(task)) {
                continue;
            }
            int ofTask = runningPerTask.getOrDefault(task, 0);
            if (ofTask >= next.maxConcurrent()) {
                // The rest of this task waits; later attempts of other tasks may still go.
                full.add(task);
                continue;
            }
            it.remove();
            runningPerTask.put(task, ofTask + 1);
            running++;
            start.add(next);
        }
        return start;
    }

    /** Frees the slot of an attempt that was taken by {@link #takeStartable}. */
    public void finished(Attempt attempt) {
        TaskKey task = TaskKey.of(attempt);
        runningPerTask.computeIfPresent(task, (k, n) -> n <= 1 ? null : n - 1);
        running--;
    }

    /** Removes and returns every waiting attempt {@code which} matches. */
    public List<Attempt> removeIf(Predicate<Attempt> which) {
        List<Attempt> removed = new ArrayList<>();
        waiting.removeIf(
                a -> {
                    boolean match = which.test(a);
                    if (match) {
                        removed.add(a);
                    }
                    return match;
                });
        return removed;
    }

    public int waitingCount() {
        return waiting.size();
    }

    public int runningCount() {
        return running;
    }
}
