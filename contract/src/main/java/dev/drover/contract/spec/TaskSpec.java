package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One validated task with defaults filled in.
 *
 * @param taskName unique within the job, case-sensitive
 * @param taskInstanceNum how many instances run, indexes 0..n-1
 * @param application what to run
 * @param computeEnv anonymous CVM environment (cvm backend), or null
 * @param envId named compute environment, or null
 * @param redirectInfo where stdout and stderr are archived, or null for the default store
 * @param inputMappings remote directories staged before the command starts
 * @param outputMappings local paths copied to remote storage after the command ends
 * @param envVars passed to the command byte-exact, never re-expanded
 * @param authentications credentials for another account's storage; never logged or returned
 * @param failedAction what happens to a failed instance's machine
 * @param maxRetryCount extra attempts after a failed attempt, 0..5
 * @param timeout seconds an attempt may run once RUNNING
 * @param maxConcurrentNum most instances of this task running at once, or null for no limit
 * @param resourceMaxRetryCount retries when creating the instance's machine fails
 */
public record TaskSpec(
        @JsonProperty("TaskName") String taskName,
        @JsonProperty("TaskInstanceNum") int taskInstanceNum,
        @JsonProperty("Application") Application application,
        @JsonProperty("ComputeEnv") ComputeEnv computeEnv,
        @JsonProperty("EnvId") String envId,
        @JsonProperty("RedirectInfo") RedirectInfo redirectInfo,
        @JsonProperty("InputMappings") List<InputMapping> inputMappings,
        @JsonProperty("OutputMappings") List<OutputMapping> outputMappings,
        @JsonProperty("EnvVars") List<EnvVar> envVars,
        @JsonProperty("Authentications") List<Authentication> authentications,
        @JsonProperty("FailedAction") FailedAction failedAction,
        @JsonProperty("MaxRetryCount") int maxRetryCount,
        @JsonProperty("Timeout") long timeout,
        @JsonProperty("MaxConcurrentNum") Integer maxConcurrentNum,
        @JsonProperty("ResourceMaxRetryCount") int resourceMaxRetryCount) {

    /** How many attempts one instance may use in all. */
    public int maxAttempts() {
        return maxRetryCount + 1;
    }
}
