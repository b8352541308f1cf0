package dev.drover.benchmark.scenario;

import dev.drover.benchmark.report.Figures;

/** One measured situation; each run submits fresh jobs and returns that run's figures. */
public interface Scenario {

    /** Short name, the key in the result file. */
    String name();

    /** The size it runs at, for the table, e.g. "200 tasks". */
    String size();

    /** Runs once; throws {@link BenchmarkFailure} if a job does not end as it must. */
    Figures run(Driver driver, int run);
}
