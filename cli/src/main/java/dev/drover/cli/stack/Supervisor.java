package dev.drover.cli.stack;

import dev.drover.localstack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The process that owns a running stack: it starts Kafka and PostgreSQL (the local stack), then
 * each service as its own JVM, reports progress through {@link StackState}, and on SIGTERM or
 * SIGINT stops the services, then Kafka and PostgreSQL, then anything they left behind.
 */
public final class Supervisor {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

    private final StackLayout layout;
    private final HealthProbe health = new HealthProbe();
    private final Map<Service, Watchdog> services = new LinkedHashMap<>();
    private final List<String> down = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private LocalStack stack;
    private boolean stopping;

    Supervisor(StackLayout layout) {
        this.layout = layout;
    }

    /** Entry point of the background process; arguments as {@link StackLayout#toArgs()}. */
    public static void main(String[] args) throws InterruptedException {
        Logs.quietLibraries();
        new Supervisor(StackLayout.fromArgs(args)).run();
    }

    void run() throws InterruptedException {
        StackHome home = layout.home();
        register();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "drover-stop"));
        try {
            start();
        } catch (RuntimeException e) {
            log("start failed: " + e.getMessage());
            new StackState(StackState.Phase.FAILED, layout.api(), e.getMessage()).write(home);
            System.exit(1);
        }
        synchronized (this) {
            new StackState(StackState.Phase.READY, layout.api(), summary()).write(home);
        }
        log("ready: " + summary());
        // Watch only once ready: a service that dies while starting fails the start instead.
        services.values().forEach(Watchdog::watch);
        stopped.await();
    }

    private void register() {
        StackHome home = layout.home();
        try {
            Files.createDirectories(home.logs());
            Files.deleteIfExists(home.pids());
            Files.writeString(home.stackPid(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to " + home.root(), e);
        }
        Pids.add(home.pids(), Pids.Entry.of("supervisor", ProcessHandle.current()));
        new StackState(StackState.Phase.STARTING, layout.api(), null).write(home);
    }

    private void start() {
        StackHome home = layout.home();
        log("starting Kafka and PostgreSQL in " + home.infra());
        LocalStack started = LocalStack.start(home.infra());
        synchronized (this) {
            stack = started;
        }
        Pids.add(home.pids(), Pids.Entry.of("kafka", ProcessHandle.of(stack.kafka().pid()).get()));
        ProcessHandle.of(stack.postgres().pid())
                .ifPresent(p -> Pids.add(home.pids(), Pids.Entry.of("postgres", p)));
        log("Kafka at " + stack.bootstrapServers() + ", PostgreSQL on " + stack.postgres().port());
        for (Service service : layout.services()) {
            launch(service);
        }
        awaitReady();
    }

    private void launch(Service service) {
        StackHome home = layout.home();
        Map<String, String> config =
                ServiceConfig.of(
                        service, home, stack.bootstrapServers(), ServiceConfig.Database.of(stack));
        List<String> command = new ArrayList<>(Launch.detachedPrefix());
        command.add(Launch.java());
        command.addAll(Launch.serviceOptions(Launch.SERVICE_HEAP));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path own = home.serviceConfig(service.name());
        if (Files.isRegularFile(own)) {
            // Read by the service itself, so a secret key in it never shows on a command line.
            command.add("-Dquarkus.config.locations=" + own.toUri());
            log("giving " + service.name() + " the settings in " + own);
        }
        command.add("-jar");
        command.add(service.jar(layout.repo()).toString());
        ProcessBuilder builder =
                Launch.serviceProcess(command)
                        .directory(home.root().toFile())
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(Launch.devNull()))
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        home.log(service.name()).toFile()));
        Watchdog watchdog =
                new Watchdog(
                        service.name(),
                        builder,
                        home.pids(),
                        home.log(service.name()),
                        RestartPolicy.standard(),
                        Supervisor::log,
                        why -> degraded(service, why));
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("stopped while starting " + service.name());
            }
            services.put(service, watchdog);
        }
        try {
            Process process = watchdog.start();
            log("started " + service.name() + " pid " + process.pid() + " on " + service.url());
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + service.name() + ": " + e, e);
        }
    }

    /** A service stays down: the state file says which and what to do about it. */
    private synchronized void degraded(Service service, String why) {
        if (stopping) {
            return;
        }
        down.add(
                service.name()
                        + " is down ("
                        + why
                        + "; see "
                        + layout.home().log(service.name())
                        + ")");
        String message =
                String.join("; ", down) + ". Fix: ./drover down && ./drover up" + homeHint();
        new StackState(StackState.Phase.DEGRADED, layout.api(), message).write(layout.home());
        log("degraded: " + message);
    }

    private String homeHint() {
        StackHome home = layout.home();
        return home.equals(StackHome.resolve(null)) ? "" : " (with --home " + home.root() + ")";
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(layout.startTimeout());
        List<Service> waiting = new ArrayList<>(layout.services());
        while (!waiting.isEmpty()) {
            for (Service service : List.copyOf(waiting)) {
                Process process = services.get(service).current();
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            service.name()
                                    + " exited with status "
                                    + process.exitValue()
                                    + " while starting; see "
                                    + layout.home().log(service.name()));
                }
                // Alive after the answer too: a port held by another stack answers for us.
                if (health.isReady(service) && process.isAlive()) {
                    log(service.name() + " is ready");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "not ready after "
                                + layout.startTimeout().toSeconds()
                                + " s: "
                                + names(waiting));
            }
            pause();
        }
    }

    /** Stops everything this supervisor started; safe to call more than once. */
    void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            new StackState(StackState.Phase.STOPPING, layout.api(), null).write(layout.home());
        }
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        log("stopping " + services.size() + " services");
        stopServices();
        if (stack != null) {
            log("stopping Kafka and PostgreSQL");
            long postgres = stack.postgres().pid();
            stack.close();
            // pg_ctl returns when the pid file is gone, a moment before the postmaster exits.
            ProcessHandle.of(postgres).ifPresent(p -> Reaper.awaitExit(p, SERVICE_GRACE));
        }
        for (ProcessHandle leftover : started) {
            if (leftover.isAlive()) {
                log(
                        "stopping leftover process "
                                + leftover.pid()
                                + " "
                                + leftover.info().command());
                Reaper.stop(leftover, Duration.ofSeconds(5));
            }
        }
        try {
            Files.deleteIfExists(layout.home().stackPid());
            Files.deleteIfExists(layout.home().state());
        } catch (IOException e) {
            log("could not clean up: " + e);
        }
        log("stopped");
        stopped.countDown();
    }

    private void stopServices() {
        Map<Service, Watchdog> watched;
        synchronized (this) {
            watched = new LinkedHashMap<>(services);
        }
        // Outside this object's lock: a watchdog giving up takes its own lock, then this one.
        List<Map.Entry<Service, Process>> reversed = new ArrayList<>();
        watched.forEach(
                (service, watchdog) -> {
                    Process process = watchdog.stop();
                    if (process != null) {
                        reversed.add(Map.entry(service, process));
                    }
                });
        java.util.Collections.reverse(reversed);
        // SIGTERM to all first, so their graceful shutdowns overlap.
        reversed.forEach(e -> e.getValue().destroy());
        for (Map.Entry<Service, Process> e : reversed) {
            boolean killed = Reaper.stop(e.getValue().toHandle(), SERVICE_GRACE);
            log((killed ? "killed " : "stopped ") + e.getKey().name());
        }
    }

    private String summary() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Service, Watchdog> e : services.entrySet()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(e.getKey().name()).append(' ').append(e.getKey().url());
        }
        return s.toString();
    }

    private static String names(List<Service> services) {
        return String.join(", ", services.stream().map(Service::name).toList());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().format(CLOCK) + " supervisor: " + message);
        System.out.flush();
    }

    /** The home as a path, for messages. */
    Path home() {
        return layout.home().root();
    }
}
