package dev.drover.scheduler.dag;

import dev.drover.contract.State;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import java.util.List;

/** Decides what one instance report does to its instance, task and job. */
final class InstanceOutcome {

    private InstanceOutcome() {}

    static Decision decide(JobState stored, InstanceEvent event) {
        TaskRow task = stored.task(event.taskName());
        if (task == null) {
            return Decision.ignore("unknown task");
        }
        if (task.state() == State.PENDING || task.state().isTerminal()) {
            // Nothing of a PENDING task was dispatched, and a settled task has every index
            // final: any report is a duplicate or from an earlier run.
            return Decision.ignore("task is " + task.state());
        }
        if (event.instanceIndex() < 0 || event.instanceIndex() >= task.instanceNum()) {
            return Decision.ignore("index out of range");
        }
        InstanceRow row = stored.instance(task.name(), event.instanceIndex());
        if (row == null) {
            row = InstanceRow.firstAttempt(task.name(), event.instanceIndex());
        }
        if (event.attempt() != row.attempt()) {
            return Decision.ignore("stale attempt, current is " + row.attempt());
        }
        if (row.state().isTerminal()) {
            return Decision.ignore("duplicate, attempt already " + row.state());
        }
        Changes changes = new Changes(stored);
        boolean applied;
        if (event instanceof InstanceStarting) {
            applied = moveIfLegal(changes, row, State.STARTING);
        } else if (event instanceof InstanceRequeued) {
            // No machine yet, back in line with the same attempt: nothing to count or retry.
            applied = row.state() == State.STARTING && moveIfLegal(changes, row, State.RUNNABLE);
        } else if (event instanceof InstanceRunning) {
            applied = running(changes, task, row);
        } else if (event instanceof InstanceSucceeded) {
            applied = succeeded(changes, markRunning(changes, task), row);
        } else {
            InstanceFailed failed = (InstanceFailed) event;
            TaskRow current = failed.startedAt() == null ? task : markRunning(changes, task);
            applied = failed(changes, current, row, failed);
        }
        return applied ? changes.decision() : Decision.ignore("no move from " + row.state());
    }

    private static boolean moveIfLegal(Changes changes, InstanceRow row, State next) {
        if (!row.state().canMoveTo(next)) {
            return false;
        }
        changes.put(row.withState(next));
        return true;
    }

    private static boolean running(Changes changes, TaskRow task, InstanceRow row) {
        if (!moveIfLegal(changes, row, State.RUNNING)) {
            return false;
        }
        markRunning(changes, task);
        return true;
    }

    /**
     * Moves the task and the job to RUNNING once one of their instances ran. The provisioner
     * reports RUNNING only for instances still running after a short delay, so an instance's end
     * may be the first news that it started. Returns the task as it is now.
     */
    private static TaskRow markRunning(Changes changes, TaskRow task) {
        JobRow job = changes.job();
        TaskRow current = task;
        if (task.state() == State.RUNNABLE) {
            current = task.withState(State.RUNNING);
            changes.put(current);
            changes.emit(
                    TaskStateChanged.of(
                            job.jobId(), task.name(), State.RUNNABLE, State.RUNNING, null));
        }
        if (job.state() == State.RUNNABLE) {
            changes.put(job.withState(State.RUNNING));
            changes.emit(JobStateChanged.of(job.jobId(), State.RUNNABLE, State.RUNNING, null));
        }
        return current;
    }

    private static boolean succeeded(Changes changes, TaskRow task, InstanceRow row) {
        changes.put(row.withState(State.SUCCEED));
        TaskRow counted =
                task.withOutcomes(task.succeeded() + 1, task.failed(), task.interrupted());
        changes.put(counted);
        settleIfDone(changes, counted);
        return true;
    }

    private static boolean failed(
            Changes changes, TaskRow task, InstanceRow row, InstanceFailed failed) {
        FailureKind kind = failed.kind() == null ? FailureKind.EXIT_CODE : failed.kind();
        if (kind == FailureKind.NOT_STARTED && !changes.job().terminating()) {
            release(changes, row.handedBack());
            return true;
        }
        if (kind.retriable()
                && row.attemptsThisRun() < task.maxAttempts()
                && !changes.job().terminating()) {
            retry(changes, row);
            return true;
        }
        boolean interrupted = kind == FailureKind.INTERRUPTED;
        changes.put(row.withState(interrupted ? State.FAILED_INTERRUPTED : State.FAILED));
        TaskRow counted =
                task.withOutcomes(
                        task.succeeded(),
                        task.failed() + 1,
                        task.interrupted() + (interrupted ? 1 : 0));
        changes.put(counted);
        settleIfDone(changes, counted);
        return true;
    }

    /** Another attempt of the same index: one TaskReady listing only that index. */
    private static void retry(Changes changes, InstanceRow row) {
        release(changes, row.nextAttempt());
    }

    private static void release(Changes changes, InstanceRow next) {
        changes.put(next);
        JobRow job = changes.job();
        changes.emit(
                TaskReady.of(
                        job.jobId(),
                        next.attempt(),
                        List.of(next.index()),
                        job.priority(),
                        job.placement(),
                        job.stateIfCreateCvmFailed(),
                        changes.spec(next.task())));
    }

    private static void settleIfDone(Changes changes, TaskRow task) {
        if (task.allIndexesFinal()) {
            new Flow(changes).settle(task);
        }
    }
}
