package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A validated job with its defaults filled in, in the field names of Tencent BatchCompute's
 * SubmitJob document.
 *
 * @param jobName the user's name for the job
 * @param jobDescription free text
 * @param priority 0..100, higher runs first; tasks and instances inherit it
 * @param tasks the DAG's nodes
 * @param dependences the DAG's edges
 * @param taskExecutionDependOn when a successor may start
 * @param stateIfCreateCvmFailed what an instance becomes when its VM cannot be created
 * @param tags user labels
 */
public record JobSpec(
        @JsonProperty("JobName") String jobName,
        @JsonProperty("JobDescription") String jobDescription,
        @JsonProperty("Priority") int priority,
        @JsonProperty("Tasks") List<TaskSpec> tasks,
        @JsonProperty("Dependences") List<Dependence> dependences,
        @JsonProperty("TaskExecutionDependOn") DependOn taskExecutionDependOn,
        @JsonProperty("StateIfCreateCvmFailed") String stateIfCreateCvmFailed,
        @JsonProperty("Tags") List<Tag> tags) {}
