package dev.drover.jobs.submission;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Placement;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.jobs.outbox.OutboxRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Decides the events an accepted job causes, in the order they must be sent: the JobAccepted parts,
 * then one TaskReady (attempt 1, every index) per root task. Pure: the caller writes them into the
 * outbox in the same transaction as the job.
 */
final class AcceptanceEvents {

    private final SubmissionConfig config;

    AcceptanceEvents(SubmissionConfig config) {
        this.config = config;
    }

    List<OutboxRecord> of(String jobId, JobSpec job, Placement placement) {
        List<OutboxRecord> records = new ArrayList<>(acceptedParts(jobId, job, placement));
        for (TaskSpec root : roots(job)) {
            List<Integer> indexes = IntStream.range(0, root.taskInstanceNum()).boxed().toList();
            TaskReady ready =
                    TaskReady.of(
                            jobId,
                            1,
                            indexes,
                            job.priority(),
                            placement,
                            job.stateIfCreateCvmFailed(),
                            root);
            records.add(OutboxRecord.of(Topics.TASK_READY, ready));
        }
        return records;
    }

    /** Tasks no dependence points at: they run at once. */
    static List<TaskSpec> roots(JobSpec job) {
        Set<String> successors = new HashSet<>();
        job.dependences().forEach(d -> successors.add(d.endTask()));
        return job.tasks().stream().filter(t -> !successors.contains(t.taskName())).toList();
    }

    /**
     * Splits the job so that no record grows with it: each part takes at most so many tasks and so
     * many edges, and at most {@code acceptedPartBytes} UTF-8 bytes of each; there are as many
     * parts as the larger of the two needs. A part thus holds under twice that budget plus the
     * header, and a single task is bounded by the validator's max-task-spec-bytes, so every part
     * fits in one Kafka record.
     */
    private List<OutboxRecord> acceptedParts(String jobId, JobSpec job, Placement placement) {
        List<List<TaskSpec>> taskSlices =
                slice(job.tasks(), config.acceptedPartTasks(), config.acceptedPartBytes());
        List<List<Dependence>> edgeSlices =
                slice(job.dependences(), config.acceptedPartEdges(), config.acceptedPartBytes());
        int parts = Math.max(1, Math.max(taskSlices.size(), edgeSlices.size()));
        JobSpec header =
                new JobSpec(
                        job.jobName(),
                        job.jobDescription(),
                        job.priority(),
                        List.of(),
                        List.of(),
                        job.taskExecutionDependOn(),
                        job.stateIfCreateCvmFailed(),
                        job.tags());
        List<OutboxRecord> records = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            JobAccepted accepted =
                    JobAccepted.of(
                            jobId,
                            part,
                            parts,
                            job.tasks().size(),
                            job.dependences().size(),
                            header,
                            placement,
                            part < taskSlices.size() ? taskSlices.get(part) : List.of(),
                            part < edgeSlices.size() ? edgeSlices.get(part) : List.of());
            records.add(OutboxRecord.of(Topics.JOB_EVENTS, accepted));
        }
        return records;
    }

    /** Consecutive slices of at most {@code count} items and {@code bytes} encoded bytes. */
    private static <T> List<List<T>> slice(List<T> items, int count, long bytes) {
        List<List<T>> slices = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long used = 0;
        for (T item : items) {
            long size = EventCodec.encodedLength(item);
            boolean full = current.size() >= count || used + size > bytes;
            if (full && !current.isEmpty()) {
                slices.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(item);
            used += size;
        }
        if (!current.isEmpty()) {
            slices.add(current);
        }
        return slices;
    }
}
