package dev.drover.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the supervisor tells the {@code drover} command about the stack it runs, through a small
 * file in the home: how far the start got, the API's URL and, on failure, why.
 *
 * @param phase how far the stack got
 * @param api the job API's base URL
 * @param message why a start failed, a short summary when ready, or which service is down
 */
public record StackState(Phase phase, String api, String message) {

    /** How far a stack got. */
    public enum Phase {
        /** The supervisor is starting Kafka, PostgreSQL and the services. */
        STARTING,
        /** Every service answered its readiness check. */
        READY,
        /** The start failed; the supervisor has stopped what it had started. */
        FAILED,
        /** The supervisor is stopping everything. */
        STOPPING,
        /**
         * A service kept dying and is no longer restarted; the message says which and what to do.
         */
        DEGRADED
    }

    /** Reads the state file of {@code home}, if there is one. */
    public static Optional<StackState> read(StackHome home) {
        Path file = home.state();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            Phase phase = Phase.valueOf(p.getProperty("phase", ""));
            return Optional.of(
                    new StackState(phase, p.getProperty("api"), p.getProperty("message")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes this state to the home's state file, atomically. */
    public void write(StackHome home) {
        Properties p = new Properties();
        p.setProperty("phase", phase.name());
        if (api != null) {
            p.setProperty("api", api);
        }
        if (message != null) {
            p.setProperty("message", message);
        }
        Path file = home.state();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(home.root());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "state of the Drover stack");
            }
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
