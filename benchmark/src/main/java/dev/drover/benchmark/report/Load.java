package dev.drover.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's 1-minute load average, sampled while the benchmark runs: on a shared 2-core box it
 * says how much the figures can be trusted.
 */
public final class Load {

    private final List<Double> samples = new ArrayList<>();

    /** Reads {@code /proc/loadavg} now; nothing on a system without it. */
    public synchronized void sample() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            samples.add(Double.parseDouble(fields[0]));
        } catch (IOException | RuntimeException e) {
            // no /proc: the report shows no load figure
        }
    }

    /** The samples so far. */
    public synchronized List<Double> samples() {
        return List.copyOf(samples);
    }
}
