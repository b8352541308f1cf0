package dev.drover.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover logs JOB TASK [INDEX]}: the archived bytes of one instance's output. */
@Command(
        name = "logs",
        description = "Write an instance's archived stdout (or stderr) to stdout, byte for byte.")
public final class LogsCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "JOB", description = "the job id")
    String jobId;

    @Parameters(index = "1", paramLabel = "TASK", description = "the task name")
    String task;

    @Parameters(
            index = "2",
            paramLabel = "INDEX",
            defaultValue = "0",
            description = "the instance index (default: ${DEFAULT-VALUE})")
    int index;

    @Option(names = "--stderr", description = "stderr instead of stdout")
    boolean stderr;

    @Option(names = "--attempt", paramLabel = "N", description = "an earlier attempt (1-based)")
    Integer attempt;

    @Override
    public Integer call() {
        String stream = stderr ? "stderr" : "stdout";
        try (InputStream in = apiOptions.client().logs(jobId, task, index, stream, attempt)) {
            // Raw bytes: binary output and invalid UTF-8 must reach the user unchanged.
            in.transferTo(System.out);
            System.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the logs failed", e);
        }
        return 0;
    }
}
