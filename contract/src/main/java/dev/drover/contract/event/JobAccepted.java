package dev.drover.contract.event;

import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Placement;
import dev.drover.contract.spec.TaskSpec;
import java.time.Instant;
import java.util.List;

/**
 * A job passed validation and is stored. A large job is published in several parts so that no
 * record grows with the job: part {@code i} of {@code partCount} carries a slice of the tasks and a
 * slice of the edges, and the job is complete once every part has arrived.
 *
 * @param eventId unique event id
 * @param occurredAt when the job was accepted
 * @param jobId the new job's id
 * @param schemaVersion wire format version
 * @param part this part's number, 0-based
 * @param partCount how many parts the job was split into
 * @param taskCount how many tasks the whole job has
 * @param dependenceCount how many edges the whole job has
 * @param job job-level settings; its task and edge lists are empty, the parts carry them
 * @param placement where cloud instances go, or null
 * @param tasks this part's slice of the tasks
 * @param dependences this part's slice of the edges
 */
public record JobAccepted(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        int part,
        int partCount,
        int taskCount,
        int dependenceCount,
        JobSpec job,
        Placement placement,
        List<TaskSpec> tasks,
        List<Dependence> dependences)
        implements JobEvent {

    public static JobAccepted of(
            String jobId,
            int part,
            int partCount,
            int taskCount,
            int dependenceCount,
            JobSpec job,
            Placement placement,
            List<TaskSpec> tasks,
            List<Dependence> dependences) {
        return new JobAccepted(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                part,
                partCount,
                taskCount,
                dependenceCount,
                job,
                placement,
                tasks,
                dependences);
    }
}
