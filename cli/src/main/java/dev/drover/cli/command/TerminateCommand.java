package dev.drover.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drover terminate JOB}. */
@Command(
        name = "terminate",
        description = "Ask a job to stop: running instances are killed, nothing more starts.")
public final class TerminateCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Parameters(paramLabel = "JOB", description = "the job id")
    String jobId;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        apiOptions.client().terminate(jobId);
        spec.commandLine()
                .getOut()
                .println(
                        "Terminate requested for "
                                + jobId
                                + "; follow it with: drover status "
                                + jobId);
        return 0;
    }
}
