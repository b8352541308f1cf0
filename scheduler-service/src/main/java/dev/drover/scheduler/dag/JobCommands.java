package dev.drover.scheduler.dag;

import dev.drover.contract.State;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskStateChanged;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The whole-job moves: a job becoming known, TerminateJob and RetryJob. */
final class JobCommands {

    private JobCommands() {}

    /**
     * Every part of the job is stored: roots are RUNNABLE (job-service already dispatched their
     * attempt 1), everything else PENDING, the job RUNNABLE.
     */
    static Decision learned(JobState stored) {
        JobRow job = stored.job();
        if (job.state() != State.SUBMITTED) {
            return Decision.ignore("job already " + job.state());
        }
        Changes changes = new Changes(stored);
        List<String> names = stored.taskNames();
        changes.put(job.withState(State.RUNNABLE).withOpenTasks(names.size()));
        changes.emit(JobStateChanged.of(job.jobId(), State.SUBMITTED, State.RUNNABLE, null));
        for (String name : names) {
            TaskRow task = stored.task(name);
            State next = task.pendingPreds() == 0 ? State.RUNNABLE : State.PENDING;
            changes.put(task.withState(next));
            changes.emit(TaskStateChanged.of(job.jobId(), name, task.state(), next, null));
        }
        new Flow(changes).settleJobIfDone();
        return changes.decision();
    }

    /**
     * Stop the job: PENDING tasks end FAILED at once, released ones end when the provisioner
     * reports their instances gone, and nothing is released or retried any more.
     */
    static Decision terminate(JobState stored) {
        JobRow job = stored.job();
        if (job.state().isTerminal() || job.terminating()) {
            return Decision.ignore("job already " + (job.terminating() ? "terminating" : "ended"));
        }
        Changes changes = new Changes(stored);
        changes.put(job.withTerminating(true));
        Flow flow = new Flow(changes);
        for (String name : stored.taskNames()) {
            TaskRow task = changes.task(name);
            if (task.state() == State.PENDING) {
                flow.failUnreached(task, Flow.TERMINATED);
            }
        }
        flow.settleJobIfDone();
        return changes.decision();
    }

    /**
     * Re-run a FAILED job's failed and never-run instances, keeping what succeeded. A task that
     * would fail again at once (a predecessor that stays FAILED_INTERRUPTED blocks it) is not
     * reopened, nor is anything below it.
     */
    static Decision retry(JobState stored) {
        JobRow job = stored.job();
        if (job.state() != State.FAILED) {
            return Decision.ignore("only a FAILED job is retried, job is " + job.state());
        }
        Set<String> reopen = reopenable(stored, job);
        if (reopen.isEmpty()) {
            return Decision.ignore("no task can run again");
        }
        Changes changes = new Changes(stored);
        changes.put(
                job.withState(State.RUNNABLE)
                        .withOpenTasks(reopen.size())
                        .withFirstFailed(firstStillFailed(stored, reopen))
                        .withTerminating(false));
        changes.emit(
                JobStateChanged.of(job.jobId(), State.FAILED, State.RUNNABLE, State.RETRY_REASON));
        for (String name : reopen) {
            reopenTask(changes, stored.task(name), reopen);
        }
        return changes.decision();
    }

    private static void reopenTask(Changes changes, TaskRow task, Set<String> reopen) {
        int pending =
                (int) changes.predecessors(task.name()).stream().filter(reopen::contains).count();
        State next = pending == 0 ? State.RUNNABLE : State.PENDING;
        List<InstanceRow> rows = changes.instances(task.name());
        TaskRow reopened = task.reopen(next, pending);
        if (rows.isEmpty()) {
            // Never ran: a plain first release, every index at attempt 1.
            reopened =
                    new TaskRow(
                            task.name(),
                            next,
                            task.instanceNum(),
                            task.maxAttempts(),
                            pending,
                            0,
                            0,
                            0,
                            false);
        } else {
            for (InstanceRow row : rows) {
                if (row.state() != State.SUCCEED) {
                    changes.put(row.nextRun());
                }
            }
        }
        changes.put(reopened);
        changes.emit(
                TaskStateChanged.of(
                        changes.job().jobId(),
                        task.name(),
                        State.FAILED,
                        next,
                        State.RETRY_REASON));
        if (next == State.RUNNABLE) {
            new Flow(changes).dispatch(reopened);
        }
    }

    /** FAILED tasks minus those a non-reopened, rule-violating predecessor keeps blocked. */
    private static Set<String> reopenable(JobState stored, JobRow job) {
        Set<String> failed = new LinkedHashSet<>();
        for (String name : stored.taskNames()) {
            if (stored.task(name).state() == State.FAILED) {
                failed.add(name);
            }
        }
        Deque<String> blocked = new ArrayDeque<>();
        for (String name : failed) {
            for (String pred : stored.predecessors(name)) {
                if (!failed.contains(pred)
                        && !ReleaseRule.allows(job.dependOn(), stored.task(pred))) {
                    blocked.add(name);
                    break;
                }
            }
        }
        Set<String> reopen = new LinkedHashSet<>(failed);
        while (!blocked.isEmpty()) {
            String name = blocked.poll();
            if (reopen.remove(name)) {
                stored.successors(name).stream().filter(reopen::contains).forEach(blocked::add);
            }
        }
        return reopen;
    }

    private static String firstStillFailed(JobState stored, Set<String> reopen) {
        for (String name : stored.taskNames()) {
            TaskRow task = stored.task(name);
            if (task.state() != State.SUCCEED && !reopen.contains(name)) {
                return name;
            }
        }
        return null;
    }
}
