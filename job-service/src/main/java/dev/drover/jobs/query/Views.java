package dev.drover.jobs.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The read API's answers, in Tencent BatchCompute's field names; times are ISO 8601 UTC. */
public final class Views {

    private Views() {}

    /** One job in a DescribeJobs page. */
    public record JobSummary(
            @JsonProperty("JobId") String jobId,
            @JsonProperty("JobName") String jobName,
            @JsonProperty("JobState") String jobState,
            @JsonProperty("Priority") int priority,
            @JsonProperty("StateReason") String stateReason,
            @JsonProperty("CreateTime") Instant createTime,
            @JsonProperty("EndTime") Instant endTime,
            @JsonProperty("TaskMetrics") Metrics taskMetrics,
            @JsonProperty("Tags") JsonNode tags) {

        /** The same job with its task counts. */
        public JobSummary withTaskMetrics(Metrics metrics) {
            return new JobSummary(
                    jobId,
                    jobName,
                    jobState,
                    priority,
                    stateReason,
                    createTime,
                    endTime,
                    metrics,
                    tags);
        }
    }

    /** A DescribeJobs page. */
    public record JobPage(
            @JsonProperty("JobSet") List<JobSummary> jobSet,
            @JsonProperty("TotalCount") long totalCount,
            @JsonProperty("RequestId") String requestId) {}

    /** One task of a job; DescribeTask answers the same fields. */
    public record TaskSummary(
            @JsonProperty("TaskName") String taskName,
            @JsonProperty("TaskState") String taskState,
            @JsonProperty("TaskInstanceNum") int taskInstanceNum,
            @JsonProperty("StateReason") String stateReason,
            @JsonProperty("CreateTime") Instant createTime,
            @JsonProperty("StartTime") Instant startTime,
            @JsonProperty("EndTime") Instant endTime) {}

    /** One edge of a job. */
    public record DependenceView(
            @JsonProperty("StartTask") String startTask, @JsonProperty("EndTask") String endTask) {}

    /** DescribeJob. */
    public record JobDetail(
            @JsonProperty("JobId") String jobId,
            @JsonProperty("JobName") String jobName,
            @JsonProperty("JobDescription") String jobDescription,
            @JsonProperty("JobState") String jobState,
            @JsonProperty("Priority") int priority,
            @JsonProperty("StateReason") String stateReason,
            @JsonProperty("Placement") JsonNode placement,
            @JsonProperty("CreateTime") Instant createTime,
            @JsonProperty("EndTime") Instant endTime,
            @JsonProperty("TaskSet") List<TaskSummary> taskSet,
            @JsonProperty("DependenceSet") List<DependenceView> dependenceSet,
            @JsonProperty("TaskMetrics") Metrics taskMetrics,
            @JsonProperty("TaskInstanceMetrics") Metrics taskInstanceMetrics,
            @JsonProperty("Tags") JsonNode tags,
            @JsonProperty("RequestId") String requestId) {}

    /** One instance index of a task. */
    public record InstanceView(
            @JsonProperty("TaskInstanceIndex") int taskInstanceIndex,
            @JsonProperty("State") String state,
            @JsonProperty("Attempts") int attempts,
            @JsonProperty("ExitCode") Integer exitCode,
            @JsonProperty("StateReason") String stateReason,
            @JsonProperty("StartTime") Instant startTime,
            @JsonProperty("EndTime") Instant endTime,
            @JsonProperty("StdoutUri") String stdoutUri,
            @JsonProperty("StderrUri") String stderrUri) {}

    /** DescribeTask: the task, its fields inline after JobId, and one page of its instances. */
    public record TaskDetail(
            @JsonProperty("JobId") String jobId,
            @JsonUnwrapped TaskSummary task,
            @JsonProperty("TaskInstanceMetrics") Metrics taskInstanceMetrics,
            @JsonProperty("TaskInstanceSet") List<InstanceView> taskInstanceSet,
            @JsonProperty("TotalCount") long totalCount,
            @JsonProperty("RequestId") String requestId) {}
}
