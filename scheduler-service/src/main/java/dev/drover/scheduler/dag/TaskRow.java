package dev.drover.scheduler.dag;

import dev.drover.contract.State;

/**
 * What the scheduler keeps about one task: enough to settle it and to release its successors
 * without looking at its instances or its predecessors.
 *
 * @param name the task's name, unique in its job
 * @param state the task's state
 * @param instanceNum how many instances (indexes 0..n-1)
 * @param maxAttempts attempts one index may use in one run of the job (MaxRetryCount + 1)
 * @param pendingPreds predecessors that have not settled yet; released at 0
 * @param succeeded indexes whose current attempt succeeded, each counted once
 * @param failed indexes that finally failed in this run
 * @param interrupted of those, how many failed with FailedAction INTERRUPT
 * @param reopened whether a RetryJob reopened the task, so its instances have stored history
 */
public record TaskRow(
        String name,
        State state,
        int instanceNum,
        int maxAttempts,
        int pendingPreds,
        int succeeded,
        int failed,
        int interrupted,
        boolean reopened) {

    /** Whether every index has reached a final outcome in this run. */
    boolean allIndexesFinal() {
        return succeeded + failed >= instanceNum;
    }

    TaskRow withState(State next) {
        return new TaskRow(
                name,
                next,
                instanceNum,
                maxAttempts,
                pendingPreds,
                succeeded,
                failed,
                interrupted,
                reopened);
    }

    TaskRow withPendingPreds(int pending) {
        return new TaskRow(
                name,
                state,
                instanceNum,
                maxAttempts,
                pending,
                succeeded,
                failed,
                interrupted,
                reopened);
    }

    TaskRow withOutcomes(int nowSucceeded, int nowFailed, int nowInterrupted) {
        return new TaskRow(
                name,
                state,
                instanceNum,
                maxAttempts,
                pendingPreds,
                nowSucceeded,
                nowFailed,
                nowInterrupted,
                reopened);
    }

    TaskRow reopen(State next, int pending) {
        return new TaskRow(name, next, instanceNum, maxAttempts, pending, succeeded, 0, 0, true);
    }
}
