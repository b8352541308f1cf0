package dev.drover.contract.event;

import java.time.Instant;
import java.util.List;

/**
 * An attempt's command exited 0 and its outputs were uploaded.
 *
 * @param eventId unique event id
 * @param occurredAt when the event was published
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param startedAt when the command's process started
 * @param endedAt when the command's process exited
 * @param emptyLogs streams that wrote nothing and were not archived (see {@link InstanceEnded})
 */
public record InstanceSucceeded(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt,
        Instant startedAt,
        Instant endedAt,
        List<LogStream> emptyLogs)
        implements InstanceEnded {

    public static InstanceSucceeded of(
            String jobId,
            String taskName,
            int index,
            int attempt,
            Instant startedAt,
            Instant endedAt) {
        return new InstanceSucceeded(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                taskName,
                index,
                attempt,
                startedAt,
                endedAt,
                null);
    }

    @Override
    public InstanceSucceeded withEmptyLogs(List<LogStream> streams) {
        return new InstanceSucceeded(
                eventId,
                occurredAt,
                jobId,
                schemaVersion,
                taskName,
                instanceIndex,
                attempt,
                startedAt,
                endedAt,
                streams.isEmpty() ? null : List.copyOf(streams));
    }
}
