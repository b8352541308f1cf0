package dev.drover.cli.command;

import dev.drover.cli.stack.FreePorts;
import dev.drover.cli.stack.Pids;
import dev.drover.cli.stack.Repo;
import dev.drover.cli.stack.StackControl;
import dev.drover.cli.stack.StackException;
import dev.drover.cli.stack.StackHome;
import dev.drover.cli.stack.StackLayout;
import dev.drover.cli.stack.StackState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drover up}: starts Kafka, PostgreSQL and the four services on this machine. */
@Command(
        name = "up",
        description = {
            "Start Kafka, PostgreSQL and the four services on this machine.",
            "In the foreground Ctrl-C stops everything; with --detach use 'drover down'."
        })
public final class UpCommand implements Callable<Integer> {

    @Mixin HomeOptions homeOptions;

    @Option(names = "--detach", description = "return once ready, leaving the stack running")
    boolean detach;

    @Option(
            names = "--port",
            paramLabel = "SERVICE=PORT",
            description = "another port for a service, e.g. job-service=9080 (repeatable)")
    Map<String, Integer> ports = new HashMap<>();

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description =
                    "how long the services may take to become ready (default: ${DEFAULT-VALUE})")
    long startTimeout;

    @Option(names = "--repo", hidden = true, description = "Drover checkout with the built jars")
    Path repo;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackHome home = homeOptions.home();
        StackLayout layout =
                new StackLayout(
                        home,
                        Repo.locate(repo),
                        StackLayout.services(ports),
                        Duration.ofSeconds(startTimeout));
        Optional<ProcessHandle> running = start(layout, out);
        if (running.isEmpty()) {
            return 0;
        }
        if (detach) {
            out.println("Stop it with: ./drover down");
            return 0;
        }
        out.println("Press Ctrl-C to stop.");
        StackControl control = new StackControl(home, out);
        ProcessHandle supervisor = running.get();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    if (supervisor.isAlive()) {
                                        control.stop();
                                        out.println("Drover stopped.");
                                    }
                                }));
        supervisor.onExit().join();
        return 0;
    }

    /**
     * Starts the stack of {@code layout} unless one runs from its home already; returns the new
     * supervisor, or empty when one was running.
     */
    static Optional<ProcessHandle> start(StackLayout layout, PrintWriter out) {
        StackHome home = layout.home();
        StackControl control = new StackControl(home, out);
        Optional<ProcessHandle> existing = control.supervisor();
        Optional<StackState> state = StackState.read(home);
        if (existing.isPresent()
                && state.isPresent()
                && state.get().phase() == StackState.Phase.DEGRADED) {
            throw new StackException(
                    "Drover runs from "
                            + home.root()
                            + " (supervisor pid "
                            + existing.get().pid()
                            + ") but is degraded: "
                            + state.get().message());
        }
        if (existing.isPresent()) {
            String api = state.map(StackState::api).orElse(layout.api());
            out.printf(
                    "Drover is already running from %s (supervisor pid %d); API at %s%n",
                    home.root(), existing.get().pid(), api);
            return Optional.empty();
        }
        FreePorts.require(layout.services());
        List<Path> missing = layout.missingJars();
        if (!missing.isEmpty()) {
            throw new StackException(
                    "service jars are missing: "
                            + missing
                            + "\nBuild them with: ./mvnw -B install -DskipTests"
                            + " (the ./drover launcher does this on first use)");
        }
        out.printf(
                "Starting Drover in %s: Kafka, PostgreSQL and %d services...%n",
                home.root(), layout.services().size());
        long started = System.nanoTime();
        ProcessHandle supervisor = control.start(layout);
        printSummary(layout, out, Duration.ofNanos(System.nanoTime() - started));
        return Optional.of(supervisor);
    }

    private static void printSummary(StackLayout layout, PrintWriter out, Duration took) {
        StackHome home = layout.home();
        Map<String, Long> pids = new HashMap<>();
        Pids.read(home.pids()).forEach(e -> pids.put(e.name(), e.pid()));
        out.printf("Drover is up in %d s. API: %s%n", took.toSeconds(), layout.api());
        for (var service : layout.services()) {
            out.printf(
                    "  %-20s %s  pid %s  log %s%n",
                    service.name(),
                    service.url(),
                    pids.getOrDefault(service.name(), -1L),
                    home.log(service.name()));
        }
        out.printf(
                "  %-20s pid %s, PostgreSQL pid %s, data in %s%n",
                "Kafka",
                pids.getOrDefault("kafka", -1L),
                pids.getOrDefault("postgres", -1L),
                home.infra());
        out.printf("  %-20s %s%n", "store", home.store());
        out.flush();
    }
}
