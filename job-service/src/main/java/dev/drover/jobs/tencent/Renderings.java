package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;
import dev.drover.jobs.query.Metrics;
import dev.drover.jobs.query.Views;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The read model's views in the field names of Tencent's SDK models (DescribeJobResponse, TaskView,
 * JobView, DescribeTaskResponse, TaskInstanceView). Only renaming happens here; what the values are
 * is decided by the query services the REST API uses too.
 */
final class Renderings {

    private Renderings() {}

    /** DescribeJob's fields. */
    static ObjectNode job(Views.JobDetail job) {
        ObjectNode out = object();
        out.put("JobId", job.jobId());
        out.put("JobName", job.jobName());
        out.put("Zone", text(job.placement(), "Zone"));
        out.put("Priority", job.priority());
        out.put("JobState", job.jobState());
        out.put("CreateTime", time(job.createTime()));
        out.put("EndTime", time(job.endTime()));
        ArrayNode tasks = out.putArray("TaskSet");
        for (Views.TaskSummary task : job.taskSet()) {
            taskFields(tasks.addObject(), task);
        }
        ArrayNode edges = out.putArray("DependenceSet");
        for (Views.DependenceView edge : job.dependenceSet()) {
            edges.addObject().put("StartTask", edge.startTask()).put("EndTask", edge.endTask());
        }
        out.set("TaskMetrics", metrics(job.taskMetrics()));
        out.set("TaskInstanceMetrics", metrics(job.taskInstanceMetrics()));
        out.put("StateReason", job.stateReason());
        out.set("Tags", tags(job.tags()));
        return out;
    }

    /** One JobView of DescribeJobs. */
    static ObjectNode jobView(Views.JobSummary job) {
        ObjectNode out = object();
        out.put("JobId", job.jobId());
        out.put("JobName", job.jobName());
        out.put("JobState", job.jobState());
        out.put("Priority", job.priority());
        out.put("CreateTime", time(job.createTime()));
        out.put("EndTime", time(job.endTime()));
        out.set("TaskMetrics", metrics(job.taskMetrics()));
        out.set("Tags", tags(job.tags()));
        return out;
    }

    /** DescribeTask's fields. */
    static ObjectNode task(Views.TaskDetail task) {
        ObjectNode out = object();
        out.put("JobId", task.jobId());
        taskFields(out, task.task());
        out.put("TaskInstanceTotalCount", task.totalCount());
        ArrayNode instances = out.putArray("TaskInstanceSet");
        for (Views.InstanceView instance : task.taskInstanceSet()) {
            instances.add(instance(instance, task.task().createTime()));
        }
        out.set("TaskInstanceMetrics", metrics(task.taskInstanceMetrics()));
        return out;
    }

    /** The fields a TaskView of DescribeJob and DescribeTask share. */
    private static void taskFields(ObjectNode out, Views.TaskSummary task) {
        out.put("TaskName", task.taskName());
        out.put("TaskState", task.taskState());
        out.put("CreateTime", time(task.createTime()));
        out.put("EndTime", time(task.endTime()));
    }

    /**
     * One TaskInstanceView. An instance exists from its task's creation; LaunchTime and RunningTime
     * are both when its latest attempt's command started, since a local process has no separate
     * machine launch.
     */
    private static ObjectNode instance(Views.InstanceView instance, Instant created) {
        ObjectNode out = object();
        out.put("TaskInstanceIndex", instance.taskInstanceIndex());
        out.put("TaskInstanceState", instance.state());
        if (instance.exitCode() == null) {
            out.putNull("ExitCode");
        } else {
            out.put("ExitCode", instance.exitCode().longValue());
        }
        out.put("StateReason", instance.stateReason());
        out.put("CreateTime", time(created));
        out.put("LaunchTime", time(instance.startTime()));
        out.put("RunningTime", time(instance.startTime()));
        out.put("EndTime", time(instance.endTime()));
        return out;
    }

    static JsonNode metrics(Metrics metrics) {
        return EventCodec.mapper().valueToTree(metrics);
    }

    /** ISO 8601 UTC to the second, as Tencent writes times; null stays null. */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static JsonNode tags(JsonNode tags) {
        return tags == null || tags.isNull() ? EventCodec.mapper().createArrayNode() : tags;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    static ObjectNode object() {
        return EventCodec.mapper().createObjectNode();
    }
}
