package dev.drover.benchmark.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run of one scenario, in the order they are printed. Each name ends with its
 * unit ({@code _ms}, {@code _s}, {@code _per_s}, {@code _count}).
 */
public final class Figures {

    private final Map<String, Double> values = new LinkedHashMap<>();

    /** Adds (or replaces) a figure; returns this. */
    public Figures put(String name, double value) {
        values.put(name, value);
        return this;
    }

    /** The figures by name, in insertion order. */
    public Map<String, Double> values() {
        return values;
    }
}
