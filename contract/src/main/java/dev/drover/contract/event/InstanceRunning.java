package dev.drover.contract.event;

import java.time.Instant;

/**
 * An attempt's command started.
 *
 * @param eventId unique event id
 * @param occurredAt when the event was published
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param startedAt when the command's process started
 */
public record InstanceRunning(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt,
        Instant startedAt)
        implements InstanceEvent {

    public static InstanceRunning of(
            String jobId, String taskName, int index, int attempt, Instant startedAt) {
        return new InstanceRunning(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                taskName,
                index,
                attempt,
                startedAt);
    }
}
