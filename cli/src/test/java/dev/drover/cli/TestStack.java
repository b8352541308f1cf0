package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.api.ApiClient;
import dev.drover.cli.stack.StackControl;
import dev.drover.cli.stack.StackHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A whole stack for an integration test: {@code drover up --detach} in a temporary home, every
 * service on a free port, Kafka, PostgreSQL and the four services each in its own process. Closing
 * it stops whatever is still running and removes the home.
 */
final class TestStack implements AutoCloseable {

    private final StackHome home;
    private final ApiClient api;

    private TestStack(StackHome home, ApiClient api) {
        this.home = home;
        this.api = api;
    }

    /** Starts a stack in a new home, after {@code prepare} wrote what it needs into that home. */
    static TestStack up(HomePreparation prepare) throws IOException {
        StackHome home = new StackHome(Files.createTempDirectory("drover-e2e-"));
        prepare.into(home);
        List<String> args =
                new ArrayList<>(List.of("up", "--detach", "--home", home.root().toString()));
        int jobPort = freePort();
        args.addAll(List.of("--port", "job-service=" + jobPort));
        for (String service :
                List.of("scheduler-service", "provisioner-service", "log-collector")) {
            args.addAll(List.of("--port", service + "=" + freePort()));
        }
        TestStack stack = new TestStack(home, new ApiClient("http://127.0.0.1:" + jobPort));
        StringWriter text = new StringWriter();
        int exit = run(text, text, args.toArray(String[]::new));
        if (exit != 0) {
            stack.close();
        }
        assertThat(exit).as(text.toString()).isZero();
        assertThat(text.toString()).contains("Drover is up", "API: http://127.0.0.1:" + jobPort);
        return stack;
    }

    /** Starts a stack with nothing but what {@code drover up} gives every service. */
    static TestStack up() throws IOException {
        return up(home -> {});
    }

    StackHome home() {
        return home;
    }

    ApiClient api() {
        return api;
    }

    /** Runs the {@code drover} command in this JVM, its output into {@code out} and {@code err}. */
    static int run(StringWriter out, StringWriter err, String... args) {
        picocli.CommandLine cli = Drover.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /**
     * Stops what is still running (only finds something when a test failed before stopping the
     * stack itself) and removes the home: the PostgreSQL cluster and Kafka's log are tens of MB.
     */
    @Override
    public void close() throws IOException {
        new StackControl(home, new PrintWriter(System.err, true)).stop();
        deleteTree(home.root());
    }

    /** Removes a directory and everything below it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Writes into a new home before the stack starts from it, e.g. a service's own settings. */
    @FunctionalInterface
    interface HomePreparation {
        void into(StackHome home) throws IOException;
    }
}
