package dev.drover.scheduler.dag;

import dev.drover.contract.event.InstanceEvent;

/**
 * The scheduler's pure core: given a job's stored state (read through {@link JobState}) and one
 * input, returns the rows to write and the events to publish, touching nothing itself. The shell
 * commits a decision's rows and events in one transaction; a redelivered input then finds the rows
 * already moved and is ignored, so at-least-once delivery has exactly-once effect.
 *
 * <p>Settling rules, precisely: an index is final when its current attempt succeeded or failed with
 * no attempt left (or a non-retriable kind, or the job terminating). A task settles when all of its
 * indexes are final: SUCCEED iff every index succeeded, FAILED_INTERRUPTED if any index was
 * interrupted, otherwise FAILED. Settling counts down each successor; a successor is released (one
 * TaskReady, attempt 1, every index) when its count reaches 0 with every predecessor allowing it,
 * and fails at once, with everything below it, as soon as one predecessor settles in a way the
 * job's TaskExecutionDependOn does not allow. The job settles when no task is open: SUCCEED iff
 * every task did, FAILED naming the first task that did not, or "terminated".
 */
public final class JobDecider {

    private JobDecider() {}

    /** All parts of the job are stored and its tasks' predecessor counts are set. */
    public static Decision learned(JobState state) {
        return JobCommands.learned(state);
    }

    /** The provisioner reported on one attempt. */
    public static Decision instance(JobState state, InstanceEvent event) {
        return InstanceOutcome.decide(state, event);
    }

    /** TerminateJob: release nothing more; end the job once nothing is live. */
    public static Decision terminate(JobState state) {
        return JobCommands.terminate(state);
    }

    /** RetryJob: reopen a FAILED job's failed work, keeping what succeeded. */
    public static Decision retry(JobState state) {
        return JobCommands.retry(state);
    }
}
