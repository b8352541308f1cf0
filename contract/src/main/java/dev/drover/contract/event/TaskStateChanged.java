package dev.drover.contract.event;

import dev.drover.contract.State;
import java.time.Instant;

/**
 * The scheduler moved a task.
 *
 * @param eventId unique event id
 * @param occurredAt when the move was decided
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param from the state left
 * @param to the state entered
 * @param reason why, for failures (e.g. the upstream task that failed); null otherwise
 */
public record TaskStateChanged(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        State from,
        State to,
        String reason)
        implements Event {

    public static TaskStateChanged of(
            String jobId, String taskName, State from, State to, String reason) {
        return new TaskStateChanged(
                Event.newId(), Instant.now(), jobId, SCHEMA_VERSION, taskName, from, to, reason);
    }
}
