package dev.drover.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.cli.api.ApiClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A job as one DescribeJob answer shows it, reduced to what the CLI prints. Parsing is lenient: a
 * member the API does not send reads as empty or zero.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param state SUBMITTED .. SUCCEED / FAILED
 * @param reason why the job is in its state, or empty
 * @param tasks the tasks in the API's order
 */
public record JobSnapshot(
        String jobId, String name, String state, String reason, List<TaskProgress> tasks) {

    /**
     * One task's progress.
     *
     * @param name task name
     * @param state task state
     * @param total instance count
     * @param succeeded instances that ended SUCCEED
     * @param failed instances that ended FAILED or FAILED_INTERRUPTED
     * @param running instances STARTING or RUNNING
     */
    public record TaskProgress(
            String name, String state, int total, int succeeded, int failed, int running) {}

    /** Whether the job will not change any more (until a retry). */
    public boolean isFinished() {
        return isFinal(state);
    }

    /**
     * Whether the job and every task show their end: the API's read model follows job and task
     * events separately, so a job may read finished a moment before its last tasks do.
     */
    public boolean isSettled() {
        return isFinished() && tasks.stream().allMatch(t -> isFinal(t.state()));
    }

    private static boolean isFinal(String state) {
        return state.equals("SUCCEED")
                || state.equals("FAILED")
                || state.equals("FAILED_INTERRUPTED");
    }

    /** Fetches the job, and each task's instances where the job's answer lacks the counts. */
    public static JobSnapshot fetch(ApiClient api, String jobId) {
        JsonNode job = api.job(jobId);
        List<TaskProgress> tasks = new ArrayList<>();
        for (JsonNode task : job.path("TaskSet")) {
            tasks.add(progress(api, jobId, task));
        }
        return new JobSnapshot(
                text(job, "JobId", jobId),
                text(job, "JobName", ""),
                text(job, "JobState", "UNKNOWN"),
                text(job, "StateReason", ""),
                tasks);
    }

    private static TaskProgress progress(ApiClient api, String jobId, JsonNode task) {
        String name = text(task, "TaskName", "?");
        String state = text(task, "TaskState", "UNKNOWN");
        int total = task.path("TaskInstanceNum").asInt(0);
        if (task.path("TaskInstanceMetrics").isObject()) {
            return fromMetrics(name, state, total, task.get("TaskInstanceMetrics"));
        }
        // The job's answer has no per-task counts: the task's own answer has them.
        JsonNode detail = api.task(jobId, name, 0, 100);
        total = Math.max(total, detail.path("TaskInstanceNum").asInt(0));
        if (detail.path("TaskInstanceMetrics").isObject()) {
            return fromMetrics(name, state, total, detail.get("TaskInstanceMetrics"));
        }
        return fromInstances(name, state, total, detail);
    }

    private static TaskProgress fromMetrics(String name, String state, int total, JsonNode m) {
        int succeeded = m.path("SucceedCount").asInt();
        int failed = m.path("FailedCount").asInt() + m.path("FailedInterruptedCount").asInt();
        int running = m.path("StartingCount").asInt() + m.path("RunningCount").asInt();
        if (total == 0) {
            total = sum(m);
        }
        return new TaskProgress(name, state, total, succeeded, failed, running);
    }

    private static TaskProgress fromInstances(
            String name, String state, int total, JsonNode answer) {
        JsonNode instances =
                answer.has("TaskInstanceSet")
                        ? answer.get("TaskInstanceSet")
                        : answer.path("Instances");
        int succeeded = 0;
        int failed = 0;
        int running = 0;
        int seen = 0;
        for (JsonNode instance : instances) {
            seen++;
            String s = text(instance, "TaskInstanceState", text(instance, "State", ""));
            switch (s) {
                case "SUCCEED" -> succeeded++;
                case "FAILED", "FAILED_INTERRUPTED" -> failed++;
                case "STARTING", "RUNNING" -> running++;
                default -> {}
            }
        }
        int count = answer.path("TaskInstanceTotalCount").asInt(answer.path("TotalCount").asInt(0));
        total = Math.max(total, Math.max(count, seen));
        return new TaskProgress(name, state, total, succeeded, failed, running);
    }

    private static int sum(JsonNode metrics) {
        int total = 0;
        for (JsonNode count : metrics) {
            total += count.asInt();
        }
        return total;
    }

    static String text(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
