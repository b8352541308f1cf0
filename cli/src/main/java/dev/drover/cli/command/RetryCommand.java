package dev.drover.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drover retry JOB}. */
@Command(name = "retry", description = "Re-run a FAILED job's failed instances, in DAG order.")
public final class RetryCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Parameters(paramLabel = "JOB", description = "the job id")
    String jobId;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        apiOptions.client().retry(jobId);
        spec.commandLine()
                .getOut()
                .println(
                        "Retry requested for "
                                + jobId
                                + "; follow it with: drover status "
                                + jobId);
        return 0;
    }
}
