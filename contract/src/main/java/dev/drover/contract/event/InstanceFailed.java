package dev.drover.contract.event;

import java.time.Instant;
import java.util.List;

/**
 * An attempt ended badly, or never got to run.
 *
 * @param eventId unique event id
 * @param occurredAt when the event was published
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param kind what kind of failure, which decides whether a retry may help
 * @param exitCode the exit status as a shell reports it (signal N is 128+N); null if none
 * @param reason a sentence for the user
 * @param startedAt when the command's process started; null if it never did
 * @param endedAt when the attempt ended
 * @param emptyLogs streams that wrote nothing and were not archived (see {@link InstanceEnded})
 */
public record InstanceFailed(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt,
        FailureKind kind,
        Integer exitCode,
        String reason,
        Instant startedAt,
        Instant endedAt,
        List<LogStream> emptyLogs)
        implements InstanceEnded {

    public static InstanceFailed of(
            String jobId,
            String taskName,
            int index,
            int attempt,
            FailureKind kind,
            Integer exitCode,
            String reason,
            Instant startedAt,
            Instant endedAt) {
        return new InstanceFailed(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                taskName,
                index,
                attempt,
                kind,
                exitCode,
                reason,
                startedAt,
                endedAt,
                null);
    }

    @Override
    public InstanceFailed withEmptyLogs(List<LogStream> streams) {
        return new InstanceFailed(
                eventId,
                occurredAt,
                jobId,
                schemaVersion,
                taskName,
                instanceIndex,
                attempt,
                kind,
                exitCode,
                reason,
                startedAt,
                endedAt,
                streams.isEmpty() ? null : List.copyOf(streams));
    }
}
