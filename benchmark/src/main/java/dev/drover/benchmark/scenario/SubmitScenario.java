package dev.drover.benchmark.scenario;

import dev.drover.benchmark.jobs.JobShapes;
import dev.drover.benchmark.report.Figures;

/**
 * Latency of {@code POST /v1/jobs} for wide jobs (root, middle tasks, join; two edges per middle
 * task). The root sleeps, and each job is terminated right after its figure is taken, so that
 * running it does not weigh on the next figure.
 */
public final class SubmitScenario implements Scenario {

    private static final String SLEEPING_ROOT = "sleep 600";

    private final int small;
    private final int large;

    public SubmitScenario(int small, int large) {
        this.small = small;
        this.large = large;
    }

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String size() {
        return small + " and " + large + " tasks";
    }

    @Override
    public Figures run(Driver driver, int run) {
        return new Figures()
                .put("submit_" + small + "_tasks_ms", once(driver, run, small))
                .put("submit_" + large + "_tasks_ms", once(driver, run, large));
    }

    private double once(Driver driver, int run, int tasks) {
        String name = "bench-submit-" + tasks + "-" + run;
        Driver.Timed answer = driver.submit(JobShapes.wide(name, tasks - 2, SLEEPING_ROOT));
        driver.terminate(name(), answer.body().path("JobId").asText());
        return answer.millis();
    }
}
