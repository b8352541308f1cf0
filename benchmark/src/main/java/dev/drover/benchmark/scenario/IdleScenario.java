package dev.drover.benchmark.scenario;

import dev.drover.benchmark.report.Figures;
import java.time.Duration;

/**
 * No job at all for a while: the CPU the stack burns while idle (consumers polling, sweeps) is
 * taken from every edge's share of the machine once jobs run. The runner adds the CPU figures.
 */
public final class IdleScenario implements Scenario {

    private final Duration length;

    public IdleScenario(Duration length) {
        this.length = length;
    }

    @Override
    public String name() {
        return "idle";
    }

    @Override
    public String size() {
        return length.toSeconds() + " s without jobs";
    }

    @Override
    public Figures run(Driver driver, int run) {
        try {
            // Nothing to wait for: the point is the time passing with nothing submitted.
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while idle");
        }
        return new Figures().put("idle_s", length.toSeconds());
    }
}
