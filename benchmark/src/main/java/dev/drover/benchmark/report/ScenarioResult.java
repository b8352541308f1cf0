package dev.drover.benchmark.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every run's figures of one scenario, and their medians. */
public final class ScenarioResult {

    private final String name;
    private final String size;
    private final List<Figures> runs = new ArrayList<>();

    public ScenarioResult(String name, String size) {
        this.name = name;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public String size() {
        return size;
    }

    public void add(Figures figures) {
        runs.add(figures);
    }

    public List<Figures> runs() {
        return runs;
    }

    /** Per figure, the median over the runs. */
    public Map<String, Double> medians() {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (Figures run : runs) {
            run.values()
                    .forEach((k, v) -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        byName.forEach((k, values) -> medians.put(k, Stats.median(values)));
        return medians;
    }
}
