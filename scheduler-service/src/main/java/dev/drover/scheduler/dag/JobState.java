package dev.drover.scheduler.dag;

import dev.drover.contract.spec.TaskSpec;
import java.util.List;

/**
 * Read access to one known job's stored state, as the core needs it. Implementations load rows on
 * demand (the database shell loads only the rows an event touches), so handling a completion reads
 * the task, its instance and its successors, never the whole job.
 */
public interface JobState {

    /** The job's row. */
    JobRow job();

    /** The task's row, or null if the job has no such task. */
    TaskRow task(String name);

    /** Names of the tasks that depend on {@code task}. */
    List<String> successors(String task);

    /** Names of the tasks {@code task} depends on. */
    List<String> predecessors(String task);

    /** The stored row of one index, or null if nothing was stored for it yet. */
    InstanceRow instance(String task, int index);

    /** Every stored instance row of a task. */
    List<InstanceRow> instances(String task);

    /** Every task of the job, for the rare whole-job moves (learn, terminate, retry). */
    List<String> taskNames();

    /** The task's full spec, carried by TaskReady. */
    TaskSpec spec(String task);
}
