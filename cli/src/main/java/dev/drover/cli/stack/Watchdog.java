package dev.drover.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps one service process running for the supervisor: starts it and, once {@link #watch()} is on,
 * starts it again with the same command line when it exits while the stack is not stopping, as far
 * as its {@link RestartPolicy} allows. Every new process is recorded in the pid file, so that
 * {@code drover down} stops the process that really runs.
 */
public final class Watchdog {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String name;
    private final ProcessBuilder command;
    private final Path pids;
    private final Path serviceLog;
    private final RestartPolicy policy;
    private final RestartPolicy.Tracker tracker;
    private final Consumer<String> log;
    private final Consumer<String> giveUp;
    private final ScheduledExecutorService timer;
    private Process current;
    private boolean watching;
    private boolean stopped;
    private int restarts;

    /**
     * @param name the service's name, as recorded in the pid file
     * @param command how to start it, the same each time
     * @param pids the stack's pid file
     * @param serviceLog the service's log, which also gets the watchdog's lines about it
     * @param policy how often it may be restarted
     * @param log where the supervisor logs
     * @param giveUp told why, once the policy allows no more restarts
     */
    public Watchdog(
            String name,
            ProcessBuilder command,
            Path pids,
            Path serviceLog,
            RestartPolicy policy,
            Consumer<String> log,
            Consumer<String> giveUp) {
        this.name = name;
        this.command = command;
        this.pids = pids;
        this.serviceLog = serviceLog;
        this.policy = policy;
        this.tracker = policy.tracker();
        this.log = log;
        this.giveUp = giveUp;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "drover-watch-" + name);
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts the process and records it in the pid file. */
    public synchronized Process start() throws IOException {
        if (stopped) {
            throw new IllegalStateException(name + " is stopping");
        }
        current = command.start();
        Pids.add(pids, Pids.Entry.of(name, current.toHandle()));
        if (watching) {
            Process started = current;
            started.onExit().thenAccept(this::exited);
        }
        return current;
    }

    /** From now on, an exit that {@link #stop()} did not ask for is answered with a restart. */
    public synchronized void watch() {
        if (!watching && current != null) {
            watching = true;
            Process started = current;
            started.onExit().thenAccept(this::exited);
        }
    }

    /** The process started last. */
    public synchronized Process current() {
        return current;
    }

    /** Restarts nothing any more; returns the process started last, for the caller to stop. */
    public synchronized Process stop() {
        stopped = true;
        timer.shutdownNow();
        return current;
    }

    private synchronized void exited(Process process) {
        if (stopped || process != current) {
            return;
        }
        int code = process.exitValue();
        Optional<java.time.Duration> wait = tracker.onExit(Instant.now());
        if (wait.isEmpty()) {
            String why =
                    String.format(
                            "%s exited with code %d after %d restarts within %d s;"
                                    + " not restarting it again",
                            name, code, tracker.count(), policy.window().toSeconds());
            say(why);
            giveUp.accept(why);
            return;
        }
        restarts++;
        say(
                String.format(
                        "%s exited with code %d; restarting (restart #%d) in %d ms",
                        name, code, restarts, wait.get().toMillis()));
        timer.schedule(this::restart, wait.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (stopped) {
            return;
        }
        try {
            Process started = start();
            say("restarted " + name + " as pid " + started.pid());
        } catch (IOException | RuntimeException e) {
            String why = "could not restart " + name + ": " + e.getMessage();
            say(why);
            giveUp.accept(why);
        }
    }

    /** To the supervisor's log and to the service's own, where its user looks first. */
    private void say(String message) {
        log.accept(message);
        String line = LocalTime.now().format(CLOCK) + " supervisor: " + message + "\n";
        try {
            Files.writeString(
                    serviceLog,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.accept("could not write to " + serviceLog + ": " + e.getMessage());
        }
    }
}
