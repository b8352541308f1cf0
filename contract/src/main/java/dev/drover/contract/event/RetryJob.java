package dev.drover.contract.event;

import java.time.Instant;

/**
 * A command: re-run a FAILED job's failed and never-run instances, in DAG order, keeping the work
 * that succeeded.
 *
 * @param eventId unique event id
 * @param occurredAt when it was requested
 * @param jobId the job to retry
 * @param schemaVersion wire format version
 */
public record RetryJob(String eventId, Instant occurredAt, String jobId, int schemaVersion)
        implements JobEvent {

    public static RetryJob of(String jobId) {
        return new RetryJob(Event.newId(), Instant.now(), jobId, SCHEMA_VERSION);
    }
}
