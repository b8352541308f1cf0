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
        return new JobRow(
                jobId,
                next,
                dependOn,
                priority,
                placement,
                stateIfCreateCvmFailed,
                openTasks,
                firstFailed,
                terminating);
    }

    JobRow withOpenTasks(int open) {
        return new JobRow(
                jobId,
                state,
                dependOn,
                priority,
                placement,
                stateIfCreateCvmFailed,
                open,
                firstFailed,
                terminating);
    }

    JobRow withFirstFailed(String task) {
        return new JobRow(
                jobId,
                state,
                dependOn,
                priority,
                placement,
                stateIfCreateCvmFailed,
                openTasks,
                task,
                terminating);
    }

    JobRow withTerminating(boolean flag) {
        return new JobRow(
                jobId,
                state,
                dependOn,
                priority,
                placement,
                stateIfCreateCvmFailed,
                openTasks,
                firstFailed,
                flag);
    }
}
