package dev.drover.scheduler.dag;

import dev.drover.contract.State;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The moves that follow from a task settling: successors counted down, released or failed as
 * unreachable, and the job settled when nothing is open. The walk is iterative (a work queue), so a
 * chain of any depth costs heap, not stack.
 */
final class Flow {

    /** Reason of a task or job ended by TerminateJob. */
    static final String TERMINATED = "terminated";

    private final Changes changes;

    Flow(Changes changes) {
        this.changes = changes;
    }

    /** {@code task} has every index final: settle it and everything that follows from that. */
    void settle(TaskRow task) {
        Deque<Settled> queue = new ArrayDeque<>();
        TaskRow done = closeWithOutcome(task);
        queue.add(new Settled(done, done.name()));
        while (!queue.isEmpty()) {
            Settled settled = queue.poll();
            for (String name : changes.successors(settled.task().name())) {
                countDown(settled, changes.task(name), queue);
            }
        }
        settleJobIfDone();
    }

    /** Moves a PENDING task whose predecessors all allow it to RUNNABLE and dispatches it. */
    void release(TaskRow task) {
        JobRow job = changes.job();
        changes.put(task.withState(State.RUNNABLE));
        changes.emit(
                TaskStateChanged.of(job.jobId(), task.name(), task.state(), State.RUNNABLE, null));
        dispatch(changes.task(task.name()));
    }

    /** Publishes the TaskReady records of a released task, one per attempt number. */
    void dispatch(TaskRow task) {
        JobRow job = changes.job();
        for (Map.Entry<Integer, List<Integer>> batch : dispatchable(task).entrySet()) {
            changes.emit(
                    TaskReady.of(
                            job.jobId(),
                            batch.getKey(),
                            batch.getValue(),
                            job.priority(),
                            job.placement(),
                            job.stateIfCreateCvmFailed(),
                            changes.spec(task.name())));
        }
    }

    /** Ends a task that will never run (upstream failed, or terminated while PENDING). */
    TaskRow failUnreached(TaskRow task, String reason) {
        TaskRow failed = task.withState(State.FAILED);
        changes.put(failed);
        changes.emit(
                TaskStateChanged.of(
                        changes.job().jobId(), task.name(), task.state(), State.FAILED, reason));
        closeTask(failed);
        return failed;
    }

    /** Settles the job once no task is open: SUCCEED iff every task succeeded. */
    void settleJobIfDone() {
        JobRow job = changes.job();
        if (job.openTasks() > 0 || job.state().isTerminal()) {
            return;
        }
        boolean succeeded = job.firstFailed() == null && !job.terminating();
        State next = succeeded ? State.SUCCEED : State.FAILED;
        String reason = null;
        if (job.terminating()) {
            reason = TERMINATED;
        } else if (!succeeded) {
            reason = "task " + job.firstFailed() + " failed";
        }
        changes.put(job.withState(next));
        changes.emit(JobStateChanged.of(job.jobId(), job.state(), next, reason));
    }

    private void countDown(Settled pred, TaskRow successor, Deque<Settled> queue) {
        if (successor.state().isTerminal()) {
            // Already failed through another predecessor or by terminate: nothing to count.
            return;
        }
        TaskRow counted = successor.withPendingPreds(successor.pendingPreds() - 1);
        if (!ReleaseRule.allows(changes.job().dependOn(), pred.task())) {
            String reason = "upstream task " + pred.rootCause() + " failed";
            queue.add(new Settled(failUnreached(counted, reason), pred.rootCause()));
            return;
        }
        changes.put(counted);
        if (counted.pendingPreds() <= 0
                && counted.state() == State.PENDING
                && !changes.job().terminating()) {
            release(counted);
        }
    }

    private TaskRow closeWithOutcome(TaskRow task) {
        State outcome = State.SUCCEED;
        String reason = null;
        if (task.failed() > 0) {
            outcome = task.interrupted() > 0 ? State.FAILED_INTERRUPTED : State.FAILED;
            reason =
                    changes.job().terminating()
                            ? TERMINATED
                            : task.failed() + " of " + task.instanceNum() + " instances failed";
        }
        TaskRow done = task.withState(outcome);
        changes.put(done);
        changes.emit(
                TaskStateChanged.of(
                        changes.job().jobId(), task.name(), task.state(), outcome, reason));
        closeTask(done);
        return done;
    }

    private void closeTask(TaskRow done) {
        JobRow job = changes.job();
        JobRow closed = job.withOpenTasks(job.openTasks() - 1);
        if (done.state() != State.SUCCEED && closed.firstFailed() == null) {
            closed = closed.withFirstFailed(done.name());
        }
        changes.put(closed);
    }

    /** Indexes to run by attempt number: all at attempt 1 on a first release. */
    private Map<Integer, List<Integer>> dispatchable(TaskRow task) {
        Map<Integer, List<Integer>> byAttempt = new TreeMap<>();
        if (!task.reopened()) {
            byAttempt.put(1, IntStream.range(0, task.instanceNum()).boxed().toList());
            return byAttempt;
        }
        for (InstanceRow row : changes.instances(task.name())) {
            if (row.state() != State.SUCCEED) {
                byAttempt.computeIfAbsent(row.attempt(), a -> new ArrayList<>()).add(row.index());
            }
        }
        byAttempt.values().forEach(indexes -> indexes.sort(Integer::compare));
        return byAttempt;
    }

    /** A settled task and the task whose failure it ultimately stems from. */
    private record Settled(TaskRow task, String rootCause) {}
}
