package dev.drover.provisioner.attempt;

import dev.drover.contract.State;
import dev.drover.contract.spec.Placement;
import dev.drover.contract.spec.TaskSpec;
import java.time.Instant;

/**
 * One attempt accepted by this provisioner, from arrival to its final event. The flags are set by
 * other threads (terminate, timeout) and read by the thread running the attempt.
 */
public final class Attempt {

    private final AttemptId id;
    private final int priority;
    private final long arrival;
    private final TaskSpec task;
    private final Placement placement;
    private final String stateIfCreateCvmFailed;
    private final Instant releasedAt;
    private volatile int requeues;
    private volatile boolean terminated;
    private volatile boolean timedOut;
    private volatile Execution execution;

    public Attempt(AttemptId id, int priority, long arrival, TaskSpec task) {
        this(id, priority, arrival, task, null, null, null);
    }

    /**
     * @param placement the job's Placement (the zone the cvm backend buys in), or null
     * @param stateIfCreateCvmFailed the job's StateIfCreateCvmFailed: FAILED (also null) or
     *     RUNNABLE
     * @param releasedAt when the work was released (its TaskReady's occurredAt), or null if unknown
     */
    public Attempt(
            AttemptId id,
            int priority,
            long arrival,
            TaskSpec task,
            Placement placement,
            String stateIfCreateCvmFailed,
            Instant releasedAt) {
        this.id = id;
        this.priority = priority;
        this.arrival = arrival;
        this.task = task;
        this.placement = placement;
        this.stateIfCreateCvmFailed = stateIfCreateCvmFailed;
        this.releasedAt = releasedAt;
    }

    /**
     * When the work was released, or null: a terminate stops the work released before it, not a
     * later retry's.
     */
    public Instant releasedAt() {
        return releasedAt;
    }

    /** The job's Placement, or null. */
    public Placement placement() {
        return placement;
    }

    /**
     * Whether the attempt goes back in line (RUNNABLE) rather than failing when its machine cannot
     * be created: the job's StateIfCreateCvmFailed is RUNNABLE.
     */
    public boolean waitsForMachine() {
        return State.RUNNABLE.name().equals(stateIfCreateCvmFailed);
    }

    /** How often the attempt went back in line for want of a machine. */
    public int requeues() {
        return requeues;
    }

    /** Counts one more return to the line; called by the one thread that ran the attempt. */
    void requeued() {
        requeues++;
    }

    public AttemptId id() {
        return id;
    }

    /** The job's priority: larger runs first. */
    public int priority() {
        return priority;
    }

    /** Arrival order at this provisioner; older runs first among equal priorities. */
    public long arrival() {
        return arrival;
    }

    public TaskSpec task() {
        return task;
    }

    /** Most instances of this task running at once, or {@link Integer#MAX_VALUE}. */
    public int maxConcurrent() {
        Integer max = task.maxConcurrentNum();
        return max == null || max <= 0 ? Integer.MAX_VALUE : max;
    }

    public boolean terminated() {
        return terminated;
    }

    public boolean timedOut() {
        return timedOut;
    }

    public Execution execution() {
        return execution;
    }

    /** Marks the attempt terminated and returns its execution if it has one, to be stopped. */
    public synchronized Execution markTerminated() {
        terminated = true;
        return execution;
    }

    /** Marks the attempt timed out. */
    public void markTimedOut() {
        timedOut = true;
    }

    /**
     * Attaches the running command. Returns false when a terminate came first, in which case the
     * caller must stop the command itself.
     */
    public synchronized boolean attach(Execution running) {
        this.execution = running;
        return !terminated;
    }

    @Override
    public String toString() {
        return id.logContext();
    }
}
