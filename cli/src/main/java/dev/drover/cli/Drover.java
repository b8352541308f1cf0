package dev.drover.cli;

import dev.drover.cli.api.ApiProblem;
import dev.drover.cli.api.NotRunning;
import dev.drover.cli.command.DemoCommand;
import dev.drover.cli.command.DownCommand;
import dev.drover.cli.command.ListCommand;
import dev.drover.cli.command.LogsCommand;
import dev.drover.cli.command.RetryCommand;
import dev.drover.cli.command.StatusCommand;
import dev.drover.cli.command.SubmitCommand;
import dev.drover.cli.command.TerminateCommand;
import dev.drover.cli.command.UpCommand;
import dev.drover.cli.command.ValidateCommand;
import dev.drover.cli.job.JobDocument;
import dev.drover.cli.stack.Logs;
import dev.drover.cli.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drover} command: runs a local stack and drives the job API. */
@Command(
        name = "drover",
        mixinStandardHelpOptions = true,
        // Every subcommand answers --help (and --version) too.
        scope = CommandLine.ScopeType.INHERIT,
        version = "drover 0.1.0",
        description = "Run Drover on this machine and submit, watch and control jobs.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            SubmitCommand.class,
            StatusCommand.class,
            ListCommand.class,
            LogsCommand.class,
            TerminateCommand.class,
            RetryCommand.class,
            ValidateCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Drover implements Runnable {

    /** Exit status of a command that failed for a reason it explained. */
    public static final int FAILED = 1;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logs.quietLibraries();
        System.exit(commandLine().execute(args));
    }

    /** The command line with Drover's handling of expected failures. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Drover());
        cli.setExecutionExceptionHandler(
                (e, commandLine, parsed) -> {
                    if (isExpected(e)) {
                        commandLine.getErr().println("drover: " + message(e));
                        commandLine.getErr().flush();
                        return FAILED;
                    }
                    throw e;
                });
        return cli;
    }

    private static boolean isExpected(Exception e) {
        return e instanceof NotRunning
                || e instanceof ApiProblem
                || e instanceof JobDocument.BadJobFile
                || e instanceof StackException;
    }

    private static String message(Exception e) {
        return e instanceof ApiProblem problem ? problem.describe() : e.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
