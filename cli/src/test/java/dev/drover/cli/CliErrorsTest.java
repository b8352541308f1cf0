package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the user reads when something is wrong before any job runs. */
class CliErrorsTest {

    @TempDir Path dir;

    private final InProcessCli cli = new InProcessCli();

    @Test
    void statusWithoutAStackSaysDroverIsNotRunningAndHowToStartIt() throws IOException {
        String api = "http://127.0.0.1:" + InProcessCli.closedPort();

        int exit = cli.drover("status", "job-00000000", "--api", api);

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(cli.err())
                .contains("Drover is not running at " + api + ": start it with ./drover up");
    }

    @Test
    void submitOfInvalidJsonNamesLineAndColumnWithoutCallingTheApi() throws IOException {
        Path job = dir.resolve("broken.json");
        Files.writeString(job, "{\n  \"Job\": {\n    \"Tasks\": [,]\n  }\n}\n");

        int exit =
                cli.drover(
                        "submit",
                        job.toString(),
                        "--api",
                        "http://127.0.0.1:" + InProcessCli.closedPort());

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(cli.err()).contains(job + " is not valid JSON at line 3, column 15");
    }

    @Test
    void submitOfAMissingFileSaysSo() {
        int exit = cli.drover("submit", dir.resolve("nope.json").toString());

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(cli.err()).contains("nope.json: no such file");
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String command : new String[] {"up", "down", "submit", "status", "logs"}) {
            int exit = cli.drover(command, "--help");

            assertThat(exit).as(command).isZero();
            assertThat(cli.out()).as(command).contains("Usage: drover " + command);
        }
    }

    @Test
    void downWithNothingRunningSaysSoAndSucceeds() {
        int exit = cli.drover("down", "--home", dir.toString());

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("Drover is not running from " + dir);
    }

    @Test
    void unknownCommandIsAUsageError() {
        int exit = cli.drover("launch");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(cli.err()).contains("Unmatched argument");
    }
}
