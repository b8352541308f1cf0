package dev.drover.cli.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code drover} command's side of a stack: starts a {@link Supervisor} in the background and
 * waits for it, finds out whether one runs, and stops it and checks that nothing it started is
 * left.
 */
public final class StackControl {

    private static final Duration SUPERVISOR_GRACE = Duration.ofSeconds(120);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    private final StackHome home;
    private final PrintWriter out;

    public StackControl(StackHome home, PrintWriter out) {
        this.home = home;
        this.out = out;
    }

    /** The running supervisor of this home, if any. */
    public Optional<ProcessHandle> supervisor() {
        if (!Files.exists(home.stackPid())) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(home.stackPid()).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        Optional<Pids.Entry> recorded =
                Pids.read(home.pids()).stream()
                        .filter(e -> e.name().equals("supervisor") && e.pid() == pid)
                        .findFirst();
        return recorded.isPresent()
                ? recorded.get().live()
                : ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /**
     * Starts a supervisor for {@code layout} and waits until its services are ready. Returns the
     * supervisor; throws with the supervisor's reason if the start failed.
     */
    public ProcessHandle start(StackLayout layout) {
        List<String> command = new ArrayList<>(Launch.detachedPrefix());
        command.add(Launch.java());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(Launch.classpath());
        command.add(Supervisor.class.getName());
        command.addAll(layout.toArgs());
        Process process;
        try {
            Files.createDirectories(home.logs());
            Files.deleteIfExists(home.state());
            process =
                    new ProcessBuilder(command)
                            .directory(home.root().toFile())
                            .redirectErrorStream(true)
                            .redirectInput(ProcessBuilder.Redirect.from(Launch.devNull()))
                            .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(
                                            home.log("supervisor").toFile()))
                            .start();
        } catch (IOException e) {
            throw new StackException("could not start the supervisor: " + e.getMessage());
        }
        awaitReady(process.toHandle(), layout.startTimeout().plusSeconds(120));
        return process.toHandle();
    }

    private void awaitReady(ProcessHandle supervisor, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<StackState> state = StackState.read(home);
            if (state.isPresent() && state.get().phase() == StackState.Phase.READY) {
                return;
            }
            if (state.isPresent() && state.get().phase() == StackState.Phase.FAILED) {
                Reaper.awaitExit(supervisor, SUPERVISOR_GRACE);
                throw new StackException(
                        "Drover did not start: "
                                + state.get().message()
                                + "\nSee "
                                + home.log("supervisor"));
            }
            if (!supervisor.isAlive()) {
                throw new StackException(
                        "the supervisor exited while starting; see " + home.log("supervisor"));
            }
            Reaper.awaitExit(supervisor, Duration.ofMillis(200));
        }
        stop();
        throw new StackException(
                "Drover was not ready after " + timeout.toSeconds() + " s; see " + home.logs());
    }

    /**
     * Stops the supervisor (which stops everything it started), then makes sure that no process
     * recorded in the home is alive, stopping any a crashed supervisor left behind. Returns the
     * processes that were recorded.
     */
    public List<Pids.Entry> stop() {
        List<Pids.Entry> recorded = Pids.read(home.pids());
        supervisor()
                .ifPresent(
                        s -> {
                            out.println("Stopping Drover (supervisor pid " + s.pid() + ")...");
                            Reaper.stop(s, SUPERVISOR_GRACE);
                        });
        for (Pids.Entry entry : recorded) {
            // A process the supervisor just stopped may still be exiting.
            entry.live().ifPresent(p -> Reaper.awaitExit(p, LEFTOVER_GRACE));
            entry.live()
                    .ifPresent(
                            p -> {
                                out.println(
                                        "Stopping leftover "
                                                + entry.name()
                                                + " (pid "
                                                + p.pid()
                                                + ")");
                                Reaper.stop(p, LEFTOVER_GRACE);
                            });
        }
        List<Pids.Entry> alive = recorded.stream().filter(e -> e.live().isPresent()).toList();
        if (!alive.isEmpty()) {
            throw new StackException("processes still alive after stopping: " + alive);
        }
        try {
            Files.deleteIfExists(home.pids());
            Files.deleteIfExists(home.stackPid());
            Files.deleteIfExists(home.state());
        } catch (IOException e) {
            throw new StackException("could not clean up " + home.root() + ": " + e.getMessage());
        }
        return recorded;
    }
}
