package dev.drover.benchmark.scenario;

/**
 * How one job of the benchmark ended.
 *
 * @param scenario the scenario that ran it
 * @param jobId the job
 * @param state the final state the scheduler announced
 * @param reason the scheduler's reason, or null
 * @param apiState the state the API showed afterwards, or null when not checked
 */
public record JobOutcome(
        String scenario, String jobId, String state, String reason, String apiState) {}
