package dev.drover.benchmark;

import dev.drover.benchmark.events.EventRecorder;
import dev.drover.benchmark.report.Figures;
import dev.drover.benchmark.report.Load;
import dev.drover.benchmark.report.Report;
import dev.drover.benchmark.report.ScenarioResult;
import dev.drover.benchmark.report.ServiceMemory;
import dev.drover.benchmark.scenario.BenchmarkFailure;
import dev.drover.benchmark.scenario.ChainScenario;
import dev.drover.benchmark.scenario.Driver;
import dev.drover.benchmark.scenario.DryRunScenario;
import dev.drover.benchmark.scenario.FanOutScenario;
import dev.drover.benchmark.scenario.IdleScenario;
import dev.drover.benchmark.scenario.Scenario;
import dev.drover.benchmark.scenario.SubmitScenario;
import dev.drover.benchmark.scenario.WideScenario;
import dev.drover.benchmark.stack.BenchStack;
import dev.drover.benchmark.stack.Memory;
import dev.drover.benchmark.stack.ServiceProcess;
import dev.drover.benchmark.stack.StackOptions;
import dev.drover.cli.stack.Launch;
import dev.drover.cli.stack.Logs;
import dev.drover.cli.stack.Repo;
import dev.drover.cli.stack.Service;
import dev.drover.cli.stack.StackHome;
import dev.drover.cli.stack.StackLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bench}: starts the stack as {@code drover up} does in a fresh home, runs the scenarios
 * of issue 9 with trivial commands, prints a table, writes JSON, and stops everything. Exits 1 only
 * if a job did not succeed (or the stack could not run); no figure is ever judged.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure Drover's scheduling overhead on this machine.")
public final class Bench implements Callable<Integer> {

    /** Every scenario, in the order a run executes them. */
    public static final List<String> SCENARIOS =
            List.of("chain", "fan-out", "wide", "submit", "dry-run");

    /** The scenarios {@code --heavy-runs} applies to. */
    private static final List<String> HEAVY = List.of("fan-out", "wide");

    private static final long QUIET_CPU_MS = 300;
    private static final Duration QUIET_WAIT = Duration.ofMinutes(1);

    @Option(
            names = "--heavy-runs",
            description = "runs of fan-out and wide, the long ones (default: --runs)")
    Integer heavyRuns;

    @Option(
            names = "--scale",
            defaultValue = "full",
            description = "full (issue 9's sizes, 3 runs) or small (CI: 1 run)")
    String scale;

    @Option(names = "--runs", description = "runs of each scenario (default: the scale's)")
    Integer runs;

    @Option(
            names = "--scenarios",
            split = ",",
            description =
                    "comma-separated, of: chain, fan-out, wide, submit, dry-run"
                            + " (default: all), idle")
    List<String> scenarios = new ArrayList<>(SCENARIOS);

    @Option(
            names = "--heap",
            defaultValue = Launch.SERVICE_HEAP,
            description = "services' -Xmx (as drover up)")
    String heap;

    @Option(
            names = {"-P", "--service-property"},
            paramLabel = "[SERVICE:]KEY=VALUE",
            description = "extra -D for every service, or for one (repeatable)")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(
            names = {"-J", "--jvm-option"},
            paramLabel = "OPTION",
            description = "extra JVM option for every service, e.g. -J=-XX:+UseSerialGC")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--jfr", paramLabel = "DIR", description = "record each service with JFR")
    Path jfr;

    @Option(names = "--out", paramLabel = "FILE", description = "result file")
    Path out;

    @Option(names = "--home", paramLabel = "DIR", description = "stack home (default: fresh temp)")
    Path home;

    @Option(names = "--keep-home", description = "keep the stack's home (logs) afterwards")
    boolean keepHome;

    @Option(names = "--job-timeout", defaultValue = "1800", description = "seconds per job")
    long jobTimeout;

    @Option(names = "--repo", hidden = true, description = "checkout with the built jars")
    Path repo;

    private final PrintStream console = System.out;

    /** Runs the benchmark and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the benchmark; returns 0 when every job succeeded. */
    public static int run(String... args) {
        Logs.quietLibraries();
        return new CommandLine(new Bench()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Scale sizes = Scale.named(scale);
        sizes = runs == null ? sizes : sizes.withRuns(runs);
        Path checkout = Repo.locate(repo);
        Path stackHome = home != null ? home : Files.createTempDirectory("drover-bench-");
        Path result = out != null ? out : checkout.resolve("target/bench/results.json");
        if (jfr != null) {
            // The JVM refuses to start when its recording's directory does not exist.
            Files.createDirectories(jfr);
        }
        StackOptions options =
                new StackOptions(
                        new StackHome(stackHome),
                        checkout,
                        heap,
                        properties,
                        jvmOptions,
                        jfr,
                        Duration.ofSeconds(300));
        List<Path> missing =
                new StackLayout(options.home(), checkout, Service.defaults(), Duration.ZERO)
                        .missingJars();
        if (!missing.isEmpty()) {
            console.println("bench: service jars missing, build first: " + missing);
            return 2;
        }
        // Unknown scenario names are refused here, before a stack is started for nothing.
        List<Scenario> scenarios = chosen(sizes);
        Outcome outcome = new Outcome(settings(sizes, stackHome), result);
        measure(sizes, scenarios, options, outcome);
        outcome.write();
        Report.print(console, outcome.results, outcome.memory, outcome.load.samples());
        console.println("results: " + result.toAbsolutePath());
        finish(stackHome, outcome.failure);
        return outcome.failure == null ? 0 : 1;
    }

    private void measure(
            Scale sizes, List<Scenario> scenarios, StackOptions options, Outcome outcome)
            throws InterruptedException {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(outcome.load::sample, 0, 5, TimeUnit.SECONDS);
        log("starting Kafka, PostgreSQL and 4 services in " + options.home().root());
        try (BenchStack stack = BenchStack.start(options);
                EventRecorder recorder = new EventRecorder(stack.bootstrapServers())) {
            log("stack ready, API " + stack.api());
            recorder.awaitAssigned(Duration.ofSeconds(60));
            Driver driver = new Driver(stack.api(), recorder, Duration.ofSeconds(jobTimeout));
            outcome.failure = runAll(driver, stack, scenarios, sizes.runs(), outcome);
            outcome.memory = memory(stack);
            log("stopping the stack");
        } finally {
            sampler.shutdownNow();
        }
    }

    private String runAll(
            Driver driver, BenchStack stack, List<Scenario> chosen, int count, Outcome outcome) {
        List<ScenarioResult> results = outcome.results;
        chosen.forEach(s -> results.add(new ScenarioResult(s.name(), s.size())));
        int heavy = heavyRuns == null ? count : heavyRuns;
        // Run-major: each scenario's runs are spread over the session, so a burst of load from
        // elsewhere on the machine moves one run of several scenarios, not every run of one.
        for (int run = 1; run <= Math.max(count, heavy); run++) {
            for (int i = 0; i < chosen.size(); i++) {
                Scenario scenario = chosen.get(i);
                boolean isHeavy = HEAVY.contains(scenario.name());
                int runs = isHeavy ? heavy : count;
                if (run > runs) {
                    continue;
                }
                log("run " + run + "/" + runs + ": " + scenario.name() + ", " + scenario.size());
                try {
                    awaitQuiet(stack);
                    Map<String, Long> cpuBefore = stack.cpuMillis();
                    Figures figures = scenario.run(driver, run);
                    stack.cpuMillis()
                            .forEach(
                                    (name, ms) ->
                                            figures.put(
                                                    "cpu_" + name + "_ms",
                                                    ms - cpuBefore.getOrDefault(name, 0L)));
                    results.get(i).add(figures);
                    log("  " + figures.values());
                } catch (BenchmarkFailure e) {
                    log("FAILED: " + e.getMessage());
                    return scenario.name() + ": " + e.getMessage();
                } finally {
                    outcome.jobs = driver.outcomes();
                    outcome.memory = memory(stack);
                    outcome.write();
                }
            }
        }
        return null;
    }

    /**
     * Waits until the stack is nearly idle (at most {@link #QUIET_CPU_MS} of CPU in a second, all
     * processes together) before a run, so that a scenario neither competes with the previous one's
     * trailing work (the read model catching up, a terminated 10,000-task job being wound down, a
     * collection after the dry run) nor is charged its CPU. Gives up after a minute.
     */
    private void awaitQuiet(BenchStack stack) {
        long started = System.nanoTime();
        long before = totalCpu(stack);
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(QUIET_WAIT) < 0) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkFailure("interrupted while waiting for a quiet stack");
            }
            long now = totalCpu(stack);
            if (now - before <= QUIET_CPU_MS) {
                long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
                log("  stack quiet after " + waited + " ms");
                return;
            }
            before = now;
        }
        log("  stack still busy after " + QUIET_WAIT.toSeconds() + " s: running anyway");
    }

    private static long totalCpu(BenchStack stack) {
        return stack.cpuMillis().values().stream().mapToLong(Long::longValue).sum();
    }

    private List<Scenario> chosen(Scale s) {
        List<Scenario> all = new ArrayList<>();
        for (String name : scenarios) {
            all.add(
                    switch (name) {
                        case "chain" -> new ChainScenario(s.chain());
                        case "fan-out" -> new FanOutScenario(s.fanOut());
                        case "wide" -> new WideScenario(s.wide());
                        case "submit" -> new SubmitScenario(s.submitSmall(), s.submitLarge());
                        case "dry-run" -> new DryRunScenario(s.dryRun());
                        case "idle" -> new IdleScenario(Duration.ofSeconds(20));
                        default ->
                                throw new CommandLine.ParameterException(
                                        new CommandLine(this), "unknown scenario: " + name);
                    });
        }
        return all;
    }

    private List<ServiceMemory> memory(BenchStack stack) {
        List<ServiceMemory> memory = new ArrayList<>();
        for (ServiceProcess s : stack.services()) {
            memory.add(new ServiceMemory(s.name(), s.pid(), peakMib(s.pid()), heap));
        }
        memory.add(new ServiceMemory("kafka", stack.kafkaPid(), peakMib(stack.kafkaPid()), ""));
        return memory;
    }

    private static double peakMib(long pid) {
        return Memory.peakResidentKib(pid).stream()
                .mapToDouble(k -> k / 1024.0)
                .findFirst()
                .orElse(-1);
    }

    private Map<String, Object> settings(Scale sizes, Path stackHome) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scale", scale);
        s.put("sizes", sizes);
        s.put("heavyRuns", heavyRuns == null ? sizes.runs() : heavyRuns);
        s.put("heap", heap);
        s.put("serviceProperties", properties);
        s.put("jvmOptions", List.copyOf(jvmOptions));
        s.put("jfr", jfr == null ? null : jfr.toAbsolutePath().toString());
        s.put("home", stackHome.toString());
        return s;
    }

    private void finish(Path stackHome, String failure) throws IOException {
        if (keepHome || failure != null || home != null) {
            console.println("stack home (service logs): " + stackHome);
            return;
        }
        try (Stream<Path> walk = Files.walk(stackHome)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void log(String message) {
        console.println(LocalTime.now().withNano(0) + " bench: " + message);
        console.flush();
    }

    /**
     * What one benchmark session produced so far; written after every run, so an interrupted
     * session still leaves its figures.
     */
    private static final class Outcome {
        final Instant started = Instant.now();
        final Map<String, Object> settings;
        final Path file;
        final List<ScenarioResult> results = new ArrayList<>();
        final Load load = new Load();
        List<ServiceMemory> memory = List.of();
        List<dev.drover.benchmark.scenario.JobOutcome> jobs = List.of();
        String failure;

        Outcome(Map<String, Object> settings, Path file) {
            this.settings = settings;
            this.file = file;
        }

        void write() {
            new Report(started, settings)
                    .results(results, memory, load.samples(), jobs, failure)
                    .write(file);
        }
    }
}
