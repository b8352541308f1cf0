package dev.drover.contract.event;

import dev.drover.contract.spec.Placement;
import dev.drover.contract.spec.TaskSpec;
import java.time.Instant;
import java.util.List;

/**
 * Released work on {@code drover.task.ready}: run these instances of one task, this attempt. A
 * first release lists every index; a retry lists the one index that failed.
 *
 * @param eventId unique event id
 * @param occurredAt when the work was released
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param attempt the attempt number, 1 for the first
 * @param instanceIndexes which instances to run, 0-based
 * @param priority the job's priority, inherited by its instances
 * @param placement where cloud instances go, or null
 * @param stateIfCreateCvmFailed the job's StateIfCreateCvmFailed: what an instance whose machine
 *     cannot be created becomes, {@code FAILED} (also when null) or {@code RUNNABLE}
 * @param task the full task spec
 */
public record TaskReady(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int attempt,
        List<Integer> instanceIndexes,
        int priority,
        Placement placement,
        String stateIfCreateCvmFailed,
        TaskSpec task)
        implements Event {

    public static TaskReady of(
            String jobId,
            int attempt,
            List<Integer> instanceIndexes,
            int priority,
            Placement placement,
            String stateIfCreateCvmFailed,
            TaskSpec task) {
        return new TaskReady(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                task.taskName(),
                attempt,
                instanceIndexes,
                priority,
                placement,
                stateIfCreateCvmFailed,
                task);
    }
}
