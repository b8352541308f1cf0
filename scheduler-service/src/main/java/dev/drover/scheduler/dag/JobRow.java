package dev.drover.scheduler.dag;

import dev.drover.contract.State;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Placement;

/**
 * What the scheduler keeps about one job: its state and the counters that let one event decide the
 * job's fate without reading its tasks.
 *
 * @param jobId the job
 * @param state the job's state
 * @param dependOn the release rule of every edge of the job
 * @param priority inherited by every TaskReady
 * @param placement inherited by every TaskReady, or null
 * @param stateIfCreateCvmFailed inherited by every TaskReady: FAILED (also null) or RUNNABLE
 * @param openTasks how many tasks are not terminal yet; the job settles when it reaches 0
 * @param firstFailed the first task that settled without succeeding, named in the job's reason
 * @param terminating whether a TerminateJob arrived for the current run
 */
public record JobRow(
        String jobId,
        State state,
        DependOn dependOn,
        int priority,
        Placement placement,
        String stateIfCreateCvmFailed,
        int openTasks,
        String firstFailed,
        boolean terminating) {

    JobRow withState(State next) {
        return progressed(next, openTasks, firstFailed, terminating);
    }

    JobRow withOpenTasks(int open) {
        return progressed(state, open, firstFailed, terminating);
    }

    JobRow withFirstFailed(String task) {
        return progressed(state, openTasks, task, terminating);
    }

    JobRow withTerminating(boolean flag) {
        return progressed(state, openTasks, firstFailed, flag);
    }

    /** The same job with new values of the components that change while it runs. */
    private JobRow progressed(State state, int openTasks, String firstFailed, boolean terminating) {
        return new JobRow(
                jobId,
                state,
                dependOn,
                priority,
                placement,
                stateIfCreateCvmFailed,
                openTasks,
                firstFailed,
                terminating);
    }
}
