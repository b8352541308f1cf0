package dev.drover.benchmark.scenario;

import dev.drover.benchmark.jobs.JobShapes;
import dev.drover.benchmark.report.Figures;

/** Latency of {@code POST /v1/jobs:validate} (the dry run) on a long chain; creates nothing. */
public final class DryRunScenario implements Scenario {

    private final int tasks;

    public DryRunScenario(int tasks) {
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public String size() {
        return tasks + "-task chain";
    }

    @Override
    public Figures run(Driver driver, int run) {
        byte[] body = JobShapes.bytes(JobShapes.leanChain("bench-dry-run-" + run, tasks));
        Driver.Timed answer = driver.post("/v1/jobs:validate", body);
        if (answer.status() != 200 || !answer.body().path("Valid").asBoolean()) {
            throw new BenchmarkFailure(
                    "the dry run answered " + answer.status() + ": " + answer.body());
        }
        return new Figures()
                .put("validate_" + tasks + "_tasks_ms", answer.millis())
                .put("body_mib", body.length / 1048576.0);
    }
}
