package dev.drover.cli.command;

import dev.drover.cli.Drover;
import dev.drover.cli.api.ApiClient;
import dev.drover.cli.demo.Demo;
import dev.drover.cli.job.JobDocument;
import dev.drover.cli.job.JobSnapshot;
import dev.drover.cli.stack.Repo;
import dev.drover.cli.stack.StackHome;
import dev.drover.cli.stack.StackLayout;
import dev.drover.cli.stack.StackState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drover demo}: the example word-count pipeline, end to end. */
@Command(
        name = "demo",
        description = {
            "Start Drover if needed, run the example word-count pipeline over the shipped corpus",
            "and show the result and where its outputs and logs are."
        })
public final class DemoCommand implements Callable<Integer> {

    @Mixin HomeOptions homeOptions;

    @Option(names = "--repo", hidden = true, description = "Drover checkout with the examples")
    Path repo;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "give up waiting for the job after this long (default: ${DEFAULT-VALUE})")
    long timeout;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackHome home = homeOptions.home();
        Path checkout = Repo.locate(repo);
        StackLayout layout =
                new StackLayout(
                        home, checkout, StackLayout.services(Map.of()), Duration.ofSeconds(180));
        UpCommand.start(layout, out);

        Demo demo = new Demo(home, checkout);
        demo.clearRuns();
        out.println("Corpus staged at " + demo.stageCorpus());
        // A stack that was running already may serve the API on another port.
        ApiClient api =
                new ApiClient(StackState.read(home).map(StackState::api).orElse(layout.api()));
        String jobId = api.submit(JobDocument.read(demo.job()));
        out.println("Submitted " + jobId + " (" + demo.job() + ")");
        JobSnapshot job = SubmitCommand.watch(api, jobId, out, Duration.ofSeconds(timeout));
        if (!job.state().equals("SUCCEED")) {
            return Drover.FAILED;
        }
        printResult(out, demo, jobId, homeOptions.home == null ? "" : " --home " + home.root());
        return 0;
    }

    private static void printResult(PrintWriter out, Demo demo, String jobId, String homeFlag) {
        String result = read(demo.result());
        out.println();
        out.println("Top words of the King James Bible (" + demo.result() + "):");
        out.print(result);
        boolean matches = result.equals(read(demo.expected()));
        out.println(
                matches
                        ? "This is exactly examples/wordcount.expected."
                        : "WARNING: this differs from " + demo.expected());
        out.println();
        out.println("Outputs of every task: " + demo.local(Demo.RUNS));
        out.println("Archived stdout/stderr: " + demo.local(Demo.LOGS));
        out.println("The report's stdout:    ./drover logs " + jobId + " report");
        out.println("The job:                ./drover status " + jobId);
        out.println("Stop Drover:            ./drover down" + homeFlag);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
