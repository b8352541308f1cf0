package dev.drover.contract.event;

import java.time.Instant;

/**
 * An attempt found no machine and went back in line (RUNNABLE) instead of failing: its job says
 * {@code StateIfCreateCvmFailed} RUNNABLE and creating the machine failed for a reason that waiting
 * may cure (quota, sold out). The attempt keeps its number, so no MaxRetryCount is spent; it
 * reports InstanceStarting again when it next tries.
 *
 * @param eventId unique event id
 * @param occurredAt when the attempt went back in line
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param reason why no machine was had (starting with the cloud's error code) and when it is tried
 *     again
 */
public record InstanceRequeued(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt,
        String reason)
        implements InstanceEvent {

    public static InstanceRequeued of(
            String jobId, String taskName, int index, int attempt, String reason) {
        return new InstanceRequeued(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                taskName,
                index,
                attempt,
                reason);
    }
}
