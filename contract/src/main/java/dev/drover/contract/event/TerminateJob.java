package dev.drover.contract.event;

import java.time.Instant;

/**
 * A command: stop the job. The scheduler releases nothing more; the provisioner kills what runs and
 * drops what waits; the job ends FAILED once no instance is alive.
 *
 * @param eventId unique event id
 * @param occurredAt when it was requested
 * @param jobId the job to stop
 * @param schemaVersion wire format version
 * @param reason why, shown as the job's StateReason
 */
public record TerminateJob(
        String eventId, Instant occurredAt, String jobId, int schemaVersion, String reason)
        implements JobEvent {

    public static TerminateJob of(String jobId, String reason) {
        return new TerminateJob(Event.newId(), Instant.now(), jobId, SCHEMA_VERSION, reason);
    }
}
