package dev.drover.provisioner.attempt;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the attempt journal.
 *
 * @param type what happened
 * @param jobId the job
 * @param task the task, null for TERMINATED
 * @param index the instance index
 * @param attempt the attempt
 * @param pid the command's leader pid (RUNNING)
 * @param pgid the command's process group (RUNNING)
 * @param startTicks the leader's start time in clock ticks since boot (RUNNING)
 * @param startedAt when the command started, epoch millis (RUNNING)
 * @param deadline when the attempt times out, epoch millis (RUNNING)
 * @param at when the line was written, epoch millis; for TERMINATED, when the terminate was decided
 *     (the TerminateJob's occurredAt), work released up to then being stopped. Lines written before
 *     that meaning hold their write time, a little later, which stops the same work and perhaps a
 *     little more.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(
        Type type,
        String jobId,
        String task,
        Integer index,
        Integer attempt,
        Long pid,
        Long pgid,
        Long startTicks,
        Long startedAt,
        Long deadline,
        long at) {

    /** Kinds of journal lines. */
    public enum Type {
        /** The attempt was taken from Kafka; written before the record is acknowledged. */
        ACCEPTED,
        /**
         * The attempt left the line and its launch began: from here its command may run, so after a
         * crash it is reported lost, never handed back as not started.
         */
        LAUNCHED,
        /** The attempt's command started. */
        RUNNING,
        /** The attempt's final event was acknowledged by the broker. */
        DONE,
        /** The job was terminated: work of it released until then is refused. */
        TERMINATED
    }

    static JournalEntry of(Type type, AttemptId id, long at) {
        return new JournalEntry(
                type,
                id.jobId(),
                id.taskName(),
                id.index(),
                id.attempt(),
                null,
                null,
                null,
                null,
                null,
                at);
    }

    static JournalEntry running(AttemptId id, ProcessRef ref, long startedAt, long deadline) {
        return new JournalEntry(
                Type.RUNNING,
                id.jobId(),
                id.taskName(),
                id.index(),
                id.attempt(),
                ref.pid(),
                ref.pgid(),
                ref.startTicks(),
                startedAt,
                deadline,
                System.currentTimeMillis());
    }

    static JournalEntry terminated(String jobId, long at) {
        return new JournalEntry(
                Type.TERMINATED, jobId, null, null, null, null, null, null, null, null, at);
    }

    /** The attempt this line is about; null for TERMINATED. */
    public AttemptId attemptId() {
        return task == null ? null : new AttemptId(jobId, task, index, attempt);
    }

    /** The command's processes, when the line says it was running. */
    public ProcessRef processRef() {
        return pid == null ? null : new ProcessRef(pid, pgid, startTicks);
    }
}
