package dev.drover.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.benchmark.scenario.JobOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's results: a table for people and a JSON file for tools. */
public final class Report {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    /** A report of results measured with {@code settings} (scale, runs, heap, properties). */
    public Report(Instant started, Map<String, Object> settings) {
        root.put("startedAt", started.toString());
        root.set("machine", machine());
        root.set("settings", JSON.valueToTree(settings));
    }

    /** Adds everything measured. */
    public Report results(
            List<ScenarioResult> scenarios,
            List<ServiceMemory> memory,
            List<Double> load,
            List<JobOutcome> jobs,
            String failure) {
        ObjectNode s = root.putObject("scenarios");
        for (ScenarioResult result : scenarios) {
            ObjectNode node = s.putObject(result.name());
            node.put("size", result.size());
            node.set("median", JSON.valueToTree(result.medians()));
            ArrayNode runs = node.putArray("runs");
            result.runs().forEach(r -> runs.add(JSON.valueToTree(r.values())));
        }
        root.set("memory", JSON.valueToTree(memory));
        ObjectNode l = root.putObject("loadAverage1m");
        l.set("samples", JSON.valueToTree(load));
        l.put("median", Stats.median(load));
        l.put("max", Stats.max(load));
        root.set("jobs", JSON.valueToTree(jobs));
        root.put("allSucceeded", failure == null);
        if (failure != null) {
            root.put("failure", failure);
        }
        return this;
    }

    /** Writes the JSON file, creating its directory. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Prints the medians, each run's value, memory and load as a plain table. */
    public static void print(
            PrintStream out,
            List<ScenarioResult> scenarios,
            List<ServiceMemory> memory,
            List<Double> load) {
        out.printf("%n%-9s %-34s %12s  %s%n", "scenario", "figure", "median", "runs");
        for (ScenarioResult result : scenarios) {
            out.printf("%-9s (%s)%n", result.name(), result.size());
            result.medians()
                    .forEach(
                            (name, median) ->
                                    out.printf(
                                            "%-9s %-34s %12s  %s%n",
                                            "", name, format(median), runs(result, name)));
        }
        out.printf("%n%-20s %8s %16s%n", "process", "-Xmx", "peak RSS (MiB)");
        for (ServiceMemory m : memory) {
            out.printf("%-20s %8s %16s%n", m.name(), m.heap(), format(m.peakResidentMib()));
        }
        out.printf(
                "%nload average (1 min) during the runs: median %s, max %s, %d samples, %d cores%n",
                format(Stats.median(load)),
                format(Stats.max(load)),
                load.size(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String runs(ScenarioResult result, String name) {
        StringBuilder s = new StringBuilder();
        for (Figures run : result.runs()) {
            s.append(s.isEmpty() ? "" : " ").append(format(run.values().get(name)));
        }
        return s.toString();
    }

    private static String format(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.1f", value);
    }

    private static ObjectNode machine() {
        ObjectNode m = JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put(
                "java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memory", line.substring(9).trim());
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: the report names no CPU
        }
        return m;
    }
}
