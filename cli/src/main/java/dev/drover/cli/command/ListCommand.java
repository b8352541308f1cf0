package dev.drover.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drover list}: the jobs the API knows. */
@Command(name = "list", description = "List jobs.")
public final class ListCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Option(names = "--state", paramLabel = "STATE", description = "only jobs in this state")
    String state;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "at most this many (default: ${DEFAULT-VALUE}, at most 100)")
    int limit;

    @Option(
            names = "--offset",
            paramLabel = "N",
            defaultValue = "0",
            description = "skip this many")
    int offset;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode page = apiOptions.client().jobs(state, offset, limit);
        JsonNode jobs = page.has("JobSet") ? page.get("JobSet") : page.path("Jobs");
        out.printf("%-14s %-20s %-30s %s%n", "JOB", "STATE", "NAME", "CREATED");
        for (JsonNode job : jobs) {
            out.printf(
                    "%-14s %-20s %-30s %s%n",
                    job.path("JobId").asText(),
                    job.path("JobState").asText(),
                    job.path("JobName").asText(),
                    job.path("CreateTime").asText(""));
        }
        out.printf("%d of %d jobs%n", jobs.size(), page.path("TotalCount").asInt(jobs.size()));
        return 0;
    }
}
