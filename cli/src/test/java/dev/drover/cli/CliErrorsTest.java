package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the user reads when something is wrong before any job runs. */
class CliErrorsTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drover(String... args) {
        CommandLine cli = Drover.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void statusWithoutAStackSaysDroverIsNotRunningAndHowToStartIt() throws IOException {
        String api = "http://127.0.0.1:" + closedPort();

        int exit = drover("status", "job-00000000", "--api", api);

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(err.toString())
                .contains("Drover is not running at " + api + ": start it with ./drover up");
    }

    @Test
    void submitOfInvalidJsonNamesLineAndColumnWithoutCallingTheApi() throws IOException {
        Path job = dir.resolve("broken.json");
        Files.writeString(job, "{\n  \"Job\": {\n    \"Tasks\": [,]\n  }\n}\n");

        int exit = drover("submit", job.toString(), "--api", "http://127.0.0.1:" + closedPort());

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(err.toString()).contains(job + " is not valid JSON at line 3, column 15");
    }

    @Test
    void submitOfAMissingFileSaysSo() {
        int exit = drover("submit", dir.resolve("nope.json").toString());

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(err.toString()).contains("nope.json: no such file");
    }

    @Test
    void downWithNothingRunningSaysSoAndSucceeds() {
        int exit = drover("down", "--home", dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Drover is not running from " + dir);
    }

    @Test
    void unknownCommandIsAUsageError() {
        int exit = drover("launch");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Unmatched argument");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
