package dev.drover.jobs.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drover.contract.State;
import java.util.Map;

/**
 * Counts of tasks or instances per state, as Tencent's TaskMetrics and TaskInstanceMetrics.
 *
 * @param submitted in SUBMITTED
 * @param pending in PENDING
 * @param runnable in RUNNABLE
 * @param starting in STARTING
 * @param running in RUNNING
 * @param succeed in SUCCEED
 * @param failed in FAILED
 * @param failedInterrupted in FAILED_INTERRUPTED
 */
public record Metrics(
        @JsonProperty("SubmittedCount") long submitted,
        @JsonProperty("PendingCount") long pending,
        @JsonProperty("RunnableCount") long runnable,
        @JsonProperty("StartingCount") long starting,
        @JsonProperty("RunningCount") long running,
        @JsonProperty("SucceedCount") long succeed,
        @JsonProperty("FailedCount") long failed,
        @JsonProperty("FailedInterruptedCount") long failedInterrupted) {

    /** The metrics of per-state counts; a missing state counts 0. */
    public static Metrics of(Map<State, Long> counts) {
        return new Metrics(
                counts.getOrDefault(State.SUBMITTED, 0L),
                counts.getOrDefault(State.PENDING, 0L),
                counts.getOrDefault(State.RUNNABLE, 0L),
                counts.getOrDefault(State.STARTING, 0L),
                counts.getOrDefault(State.RUNNING, 0L),
                counts.getOrDefault(State.SUCCEED, 0L),
                counts.getOrDefault(State.FAILED, 0L),
                counts.getOrDefault(State.FAILED_INTERRUPTED, 0L));
    }
}
