package dev.drover.contract.event;

import dev.drover.contract.State;
import java.time.Instant;

/**
 * The scheduler moved a job.
 *
 * @param eventId unique event id
 * @param occurredAt when the move was decided
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param from the state left
 * @param to the state entered
 * @param reason why, for failures; null otherwise
 */
public record JobStateChanged(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        State from,
        State to,
        String reason)
        implements JobEvent {

    public static JobStateChanged of(String jobId, State from, State to, String reason) {
        return new JobStateChanged(
                Event.newId(), Instant.now(), jobId, SCHEMA_VERSION, from, to, reason);
    }
}
