package dev.drover.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import picocli.CommandLine;

/** The CLI run in this JVM as a user runs it, keeping what it printed; one per test. */
final class InProcessCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code drover args...}; returns its exit code. */
    int drover(String... args) {
        CommandLine cli = Drover.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Everything printed to stdout so far. */
    String out() {
        return out.toString();
    }

    /** Everything printed to stderr so far. */
    String err() {
        return err.toString();
    }

    /** A loopback port nothing listens on (just released), for "not running" answers. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
