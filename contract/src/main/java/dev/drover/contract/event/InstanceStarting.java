package dev.drover.contract.event;

import java.time.Instant;

/**
 * An attempt got capacity; its machine is being prepared and its inputs staged.
 *
 * @param eventId unique event id
 * @param occurredAt when preparation began
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 */
public record InstanceStarting(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt)
        implements InstanceEvent {

    public static InstanceStarting of(String jobId, String taskName, int index, int attempt) {
        return new InstanceStarting(
                Event.newId(), Instant.now(), jobId, SCHEMA_VERSION, taskName, index, attempt);
    }
}
