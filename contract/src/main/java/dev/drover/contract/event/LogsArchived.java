package dev.drover.contract.event;

import java.time.Instant;

/**
 * One attempt's stream is complete in the store.
 *
 * @param eventId unique event id
 * @param occurredAt when the object was finalised
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param stream stdout or stderr
 * @param uri where the object is (file:// or cos://)
 * @param size its length in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record LogsArchived(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt,
        LogStream stream,
        String uri,
        long size,
        String sha256)
        implements Event {

    public static LogsArchived of(
            String jobId,
            String taskName,
            int index,
            int attempt,
            LogStream stream,
            String uri,
            long size,
            String sha256) {
        return new LogsArchived(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                taskName,
                index,
                attempt,
                stream,
                uri,
                size,
                sha256);
    }
}
