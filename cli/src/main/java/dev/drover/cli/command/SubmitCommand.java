package dev.drover.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.cli.Drover;
import dev.drover.cli.api.ApiClient;
import dev.drover.cli.job.JobDocument;
import dev.drover.cli.job.JobSnapshot;
import dev.drover.cli.job.JobWatcher;
import dev.drover.cli.job.ProgressView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drover submit JOB.json [--wait]}. */
@Command(
        name = "submit",
        description = {
            "Submit a job document (a SubmitJob body, or just its Job object).",
            "With --wait, show progress and exit 0 only if the job SUCCEED."
        })
public final class SubmitCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Parameters(paramLabel = "JOB.json", description = "the job document")
    Path file;

    @Option(names = "--wait", description = "wait for the job to finish, showing progress")
    boolean await;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "3600",
            description = "with --wait, give up after this long (default: ${DEFAULT-VALUE})")
    long timeout;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode document = JobDocument.read(file);
        ApiClient api = apiOptions.client();
        String jobId = api.submit(document);
        out.println("Submitted " + jobId);
        if (!await) {
            return 0;
        }
        JobSnapshot job = watch(api, jobId, out, Duration.ofSeconds(timeout));
        return job.state().equals("SUCCEED") ? 0 : Drover.FAILED;
    }

    /** Waits for a job with a progress view, then prints how it ended. */
    static JobSnapshot watch(ApiClient api, String jobId, PrintWriter out, Duration timeout) {
        ProgressView view = new ProgressView(out, System.console() != null);
        JobSnapshot job = new JobWatcher(api, view).await(jobId, timeout);
        if (job.state().equals("SUCCEED")) {
            out.println("Job " + jobId + " SUCCEED");
        } else if (!job.isFinished()) {
            out.println(
                    "Job "
                            + jobId
                            + " still "
                            + job.state()
                            + " after "
                            + timeout.toSeconds()
                            + " s");
        } else {
            out.println(
                    "Job "
                            + jobId
                            + " "
                            + job.state()
                            + (job.reason().isEmpty() ? "" : ": " + job.reason())
                            + "; not succeeded: "
                            + String.join(", ", ProgressView.unsuccessful(job)));
            out.println(
                    "See: drover status "
                            + jobId
                            + "   and   drover logs "
                            + jobId
                            + " TASK --stderr");
        }
        out.flush();
        return job;
    }
}
