package dev.drover.benchmark.scenario;

import static dev.drover.benchmark.report.Stats.millis;

import dev.drover.benchmark.events.InstanceTimes;
import dev.drover.benchmark.events.JobTimeline;
import dev.drover.benchmark.jobs.JobShapes;
import dev.drover.benchmark.report.Figures;

/**
 * One task of many instances, then a join: how fast the provisioner turns instances over, and how
 * long the join waits after the last one exits.
 */
public final class FanOutScenario implements Scenario {

    private final int instances;

    public FanOutScenario(int instances) {
        this.instances = instances;
    }

    @Override
    public String name() {
        return "fan-out";
    }

    @Override
    public String size() {
        return instances + " instances + join";
    }

    @Override
    public Figures run(Driver driver, int run) {
        String jobId =
                driver.submit(JobShapes.fanOut("bench-fan-out-" + run, instances))
                        .body()
                        .path("JobId")
                        .asText();
        JobTimeline timeline = driver.awaitSucceeded(name(), jobId, instances + 1);
        Span span = new Span();
        timeline.task("F").instances().values().forEach(span::add);
        InstanceTimes join = timeline.task("J").instances().get(0);
        driver.forget(jobId);
        return new Figures()
                .put("instances_per_s", span.perSecond())
                .put("span_s", millis(span.firstStart(), span.lastExit()) / 1000)
                .put("join_after_last_exit_ms", millis(span.lastExit(), join.started()));
    }
}
