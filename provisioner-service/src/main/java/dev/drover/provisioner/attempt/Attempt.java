package dev.drover.provisioner.attempt;

import dev.drover.contract.spec.Placement;
import dev.drover.contract.spec.TaskSpec;

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
    private volatile boolean terminated;
    private volatile boolean timedOut;
    private volatile Execution execution;

    public Attempt(AttemptId id, int priority, long arrival, TaskSpec task) {
        this(id, priority, arrival, task, null);
    }

    /**
     * @param placement the job's Placement (the zone the cvm backend buys in), or null
     */
    public Attempt(AttemptId id, int priority, long arrival, TaskSpec task, Placement placement) {
        this.id = id;
        this.priority = priority;
        this.arrival = arrival;
        this.task = task;
        this.placement = placement;
    }

    /** The job's Placement, or null. */
    public Placement placement() {
        return placement;
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
