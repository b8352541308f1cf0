package dev.drover.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.cli.job.JobDocument;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drover validate JOB.json}: the API's dry run. */
@Command(
        name = "validate",
        description = "Check a job document as a submit would, creating nothing.")
public final class ValidateCommand implements Callable<Integer> {

    @Mixin ApiOptions apiOptions;

    @Parameters(paramLabel = "JOB.json", description = "the job document")
    Path file;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode document = JobDocument.read(file);
        apiOptions.client().validate(document);
        spec.commandLine().getOut().println(file + " is a valid job");
        return 0;
    }
}
