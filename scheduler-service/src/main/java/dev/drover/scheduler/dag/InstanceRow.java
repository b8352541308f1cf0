package dev.drover.scheduler.dag;

import dev.drover.contract.State;

/**
 * One instance index of a task. Rows exist only once something happened to the index; an index of a
 * released task without a row is at attempt 1, RUNNABLE (see {@link #firstAttempt}).
 *
 * @param task the task's name
 * @param index the instance index, 0-based, the same across attempts
 * @param attempt the current (latest dispatched) attempt, 1-based
 * @param baseAttempt attempts spent before the current run of the job; the retry budget counts from
 *     here, so a RetryJob gives every reopened index a fresh MaxRetryCount
 * @param state the current attempt's state
 */
public record InstanceRow(String task, int index, int attempt, int baseAttempt, State state) {

    /** The implied row of an index that a first release dispatched and nobody reported on. */
    static InstanceRow firstAttempt(String task, int index) {
        return new InstanceRow(task, index, 1, 0, State.RUNNABLE);
    }

    /** Attempts this index has used in the current run of the job. */
    int attemptsThisRun() {
        return attempt - baseAttempt;
    }

    InstanceRow withState(State next) {
        return new InstanceRow(task, index, attempt, baseAttempt, next);
    }

    InstanceRow nextAttempt() {
        return new InstanceRow(task, index, attempt + 1, baseAttempt, State.RUNNABLE);
    }

    /** The next attempt of an index whose attempt never started: the retry budget is unchanged. */
    InstanceRow handedBack() {
        return new InstanceRow(task, index, attempt + 1, baseAttempt + 1, State.RUNNABLE);
    }

    InstanceRow nextRun() {
        return new InstanceRow(task, index, attempt + 1, attempt, State.RUNNABLE);
    }

    /** Identity of a row within its job. */
    public record Key(String task, int index) {}

    public Key key() {
        return new Key(task, index);
    }
}
