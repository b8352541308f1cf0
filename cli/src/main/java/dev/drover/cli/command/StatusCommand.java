package dev.drover.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.cli.api.ApiClient;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drover status JOB}: state, tasks and metrics of one job. */
@Command(name = "status", description = "Show a job's state, its tasks and instance counts.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Parameters(paramLabel = "JOB", description = "the job id")
    String jobId;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        apiOptions
                .degraded()
                .ifPresent(
                        why -> {
                            spec.commandLine().getErr().println("drover: warning: " + why);
                            spec.commandLine().getErr().flush();
                        });
        ApiClient api = apiOptions.client();
        JsonNode job = api.job(jobId);
        out.printf(
                "Job      %s  %s%n", job.path("JobId").asText(jobId), job.path("JobName").asText());
        out.printf(
                "State    %s%s%n",
                job.path("JobState").asText(),
                job.path("StateReason").asText("").isEmpty()
                        ? ""
                        : " (" + job.path("StateReason").asText() + ")");
        for (String time : new String[] {"CreateTime", "StartTime", "EndTime"}) {
            if (job.hasNonNull(time)) {
                out.printf("%-8s %s%n", time.replace("Time", ""), job.get(time).asText());
            }
        }
        out.println();
        out.printf("  %-24s %-18s %s%n", "TASK", "STATE", "INSTANCES");
        for (JsonNode task : job.path("TaskSet")) {
            out.printf(
                    "  %-24s %-18s %s%n",
                    task.path("TaskName").asText(),
                    task.path("TaskState").asText(),
                    instances(task));
        }
        printMetrics(out, "Tasks", job.path("TaskMetrics"));
        printMetrics(out, "Instances", job.path("TaskInstanceMetrics"));
        return 0;
    }

    private static String instances(JsonNode task) {
        if (task.path("TaskInstanceMetrics").isObject()) {
            return counts(task.get("TaskInstanceMetrics"));
        }
        return task.has("TaskInstanceNum") ? task.get("TaskInstanceNum").asText() : "";
    }

    private static void printMetrics(PrintWriter out, String label, JsonNode metrics) {
        if (metrics.isObject()) {
            out.printf("%n%-9s %s%n", label, counts(metrics));
        }
    }

    private static String counts(JsonNode metrics) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : metrics.properties()) {
            if (e.getValue().asInt() != 0) {
                s.append(e.getKey().replace("Count", ""))
                        .append(' ')
                        .append(e.getValue().asInt())
                        .append("  ");
            }
        }
        return s.isEmpty() ? "none" : s.toString().strip();
    }
}
