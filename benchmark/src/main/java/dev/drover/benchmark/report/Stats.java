package dev.drover.benchmark.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/** Percentiles and medians, nearest-rank, of samples in any unit. */
public final class Stats {

    private Stats() {}

    /** The {@code p}-th percentile (0 < p <= 100) by nearest rank; NaN when there is no sample. */
    public static double percentile(Collection<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** The median; for an even count the mean of the two middle samples. */
    public static double median(Collection<Double> samples) {
        double[] sorted =
                samples.stream()
                        .mapToDouble(Double::doubleValue)
                        .filter(v -> !Double.isNaN(v))
                        .sorted()
                        .toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The largest sample. */
    public static double max(Collection<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Milliseconds from {@code from} to {@code to}, with the events' microsecond precision. */
    public static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    /** The given values, for tests. */
    public static java.util.List<Double> of(double... values) {
        return Arrays.stream(values).boxed().toList();
    }
}
