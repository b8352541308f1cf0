package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.stack.FreePorts;
import dev.drover.cli.stack.Service;
import dev.drover.cli.stack.StackHome;
import dev.drover.cli.stack.StackState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code up} and the API commands say about the stack of a home. */
class StackCommandsTest {

    @TempDir Path dir;

    private final InProcessCli cli = new InProcessCli();

    @Test
    void aPortHeldByAnotherProcessIsReportedBusyAndAFreeOneIsNot() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Service holder = new Service("job-service", held.getLocalPort(), null);
            Service free = new Service("log-collector", InProcessCli.closedPort(), null);

            assertThat(FreePorts.busy(List.of(holder, free))).containsExactly(holder);
        }
    }

    @Test
    void upRefusesToStartWhileAnotherProcessHoldsAServicePort() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();

            int exit =
                    cli.drover(
                            "up",
                            "--home",
                            dir.toString(),
                            "--repo",
                            dir.toString(),
                            "--port",
                            "job-service=" + port);

            assertThat(exit).isEqualTo(Drover.FAILED);
            assertThat(cli.err())
                    .contains(port + " (job-service)")
                    .contains("in use on 127.0.0.1")
                    .contains("./drover down --home")
                    .contains(
                            "--port job-service="
                                    + (port + 10000 <= 65535 ? port + 10000 : port - 10000))
                    .doesNotContain("jars are missing");
            assertThat(Files.exists(dir.resolve("stack.pid"))).isFalse();
        }
    }

    @Test
    void statusWithHomeAsksTheApiOfThatHomesStack() throws IOException {
        String api = "http://127.0.0.1:" + InProcessCli.closedPort();
        new StackState(StackState.Phase.READY, api, "job-service " + api).write(new StackHome(dir));

        int exit = cli.drover("status", "job-00000000", "--home", dir.toString());

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(cli.err())
                .contains("Drover is not running at " + api)
                .contains("./drover up --home " + dir);
    }

    @Test
    void statusAndUpOnADegradedStackNameTheDeadServiceAndTheFix() throws IOException {
        String api = "http://127.0.0.1:" + InProcessCli.closedPort();
        StackHome home = new StackHome(dir);
        // This JVM plays the supervisor that is still alive.
        Files.writeString(home.stackPid(), ProcessHandle.current().pid() + "\n");
        String why =
                "job-service is down (job-service exited with code 137 after 5 restarts within"
                        + " 300 s); Fix: ./drover down && ./drover up";
        new StackState(StackState.Phase.DEGRADED, api, why).write(home);

        int status = cli.drover("status", "job-00000000", "--home", dir.toString());
        int up = cli.drover("up", "--home", dir.toString(), "--repo", dir.toString());

        assertThat(status).isEqualTo(Drover.FAILED);
        assertThat(up).isEqualTo(Drover.FAILED);
        assertThat(cli.err())
                .contains("drover: warning: Drover in " + dir + " is degraded: " + why)
                .contains("Drover is not running at " + api + ": Drover in " + dir)
                .contains("but is degraded: " + why);
        assertThat(cli.out()).doesNotContain("already running");
    }
}
