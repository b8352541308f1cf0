package dev.drover.benchmark.stack;

import dev.drover.cli.stack.HealthProbe;
import dev.drover.cli.stack.Launch;
import dev.drover.cli.stack.Pids;
import dev.drover.cli.stack.Reaper;
import dev.drover.cli.stack.Service;
import dev.drover.cli.stack.ServiceConfig;
import dev.drover.cli.stack.StackHome;
import dev.drover.localstack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack as {@code drover up} runs it (a real Kafka broker and PostgreSQL from {@link
 * LocalStack}, then each service as {@code java -jar quarkus-run.jar} with {@link ServiceConfig}'s
 * properties), started in-process so that the benchmark can add JVM options per service (heap, JFR,
 * Kafka client tuning) and read each service's pid for its peak resident memory.
 */
public final class BenchStack implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final StackOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final HealthProbe health = new HealthProbe();
    private LocalStack infra;
    private boolean closed;

    private BenchStack(StackOptions options) {
        this.options = options;
    }

    /** Starts Kafka, PostgreSQL and the four services, and waits until each is ready. */
    public static BenchStack start(StackOptions options) {
        BenchStack stack = new BenchStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        StackHome home = options.home();
        LocalStack started = LocalStack.start(home.infra());
        synchronized (this) {
            infra = started;
        }
        Pids.add(home.pids(), Pids.Entry.of("kafka", ProcessHandle.of(infra.kafka().pid()).get()));
        ProcessHandle.of(infra.postgres().pid())
                .ifPresent(p -> Pids.add(home.pids(), Pids.Entry.of("postgres", p)));
        for (Service service : Service.defaults()) {
            launch(service.withPort(freePort()));
        }
        awaitReady();
    }

    private void launch(Service service) {
        StackHome home = options.home();
        Map<String, String> config =
                new LinkedHashMap<>(
                        ServiceConfig.of(
                                service,
                                home,
                                infra.bootstrapServers(),
                                ServiceConfig.Database.of(infra)));
        config.putAll(options.propertiesFor(service.name()));
        List<String> command = new ArrayList<>(Launch.detachedPrefix());
        command.add(Launch.java());
        command.addAll(Launch.serviceOptions(options.heap()));
        command.addAll(options.jvmOptionsFor(service.name()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(service.jar(options.repo()).toString());
        try {
            Files.createDirectories(home.logs());
            Process process =
                    Launch.serviceProcess(command)
                            .directory(home.root().toFile())
                            .redirectErrorStream(true)
                            .redirectInput(ProcessBuilder.Redirect.from(Launch.devNull()))
                            .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(
                                            home.log(service.name()).toFile()))
                            .start();
            synchronized (this) {
                services.add(new ServiceProcess(service, process));
            }
            Pids.add(home.pids(), Pids.Entry.of(service.name(), process.toHandle()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.name(), e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(options.startTimeout());
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess s : List.copyOf(waiting)) {
                if (!s.process().isAlive()) {
                    throw new IllegalStateException(
                            s.name() + " exited while starting; see " + logOf(s));
                }
                if (health.isReady(s.service())) {
                    waiting.remove(s);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready in time: " + waiting);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    private Path logOf(ServiceProcess s) {
        return options.home().log(s.name());
    }

    /** The job API's base URL. */
    public String api() {
        return services.stream()
                .filter(s -> s.name().equals(Service.JOB_SERVICE))
                .findFirst()
                .orElseThrow()
                .service()
                .url();
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return infra.bootstrapServers();
    }

    /** The running services, in start order. */
    public List<ServiceProcess> services() {
        return Collections.unmodifiableList(services);
    }

    /** The Kafka broker's process, for its memory figure. */
    public long kafkaPid() {
        return infra.kafka().pid();
    }

    /** PostgreSQL's postmaster, whose descendants are the backends. */
    public long postgresPid() {
        return infra.postgres().pid();
    }

    /**
     * CPU ms used so far by each process of the stack: the services (the provisioner with the
     * commands it ran), the broker, and PostgreSQL with its live backends.
     */
    public Map<String, Long> cpuMillis() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ServiceProcess s : services) {
            cpu.put(s.name(), Cpu.millis(s.pid()));
        }
        cpu.put("kafka", Cpu.millis(kafkaPid()));
        cpu.put("postgres", Cpu.treeMillis(postgresPid()));
        return cpu;
    }

    /** Stops the services (SIGTERM, so JFR recordings are dumped), then Kafka and PostgreSQL. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(s -> s.process().destroy());
        reversed.forEach(s -> Reaper.stop(s.process().toHandle(), GRACE));
        if (infra != null) {
            long postgres = infra.postgres().pid();
            infra.close();
            ProcessHandle.of(postgres).ifPresent(p -> Reaper.awaitExit(p, GRACE));
        }
        for (ProcessHandle leftover : ProcessHandle.current().descendants().toList()) {
            Reaper.stop(leftover, Duration.ofSeconds(5));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
