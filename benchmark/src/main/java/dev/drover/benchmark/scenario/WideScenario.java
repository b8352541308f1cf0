package dev.drover.benchmark.scenario;

import static dev.drover.benchmark.report.Stats.millis;

import dev.drover.benchmark.events.InstanceTimes;
import dev.drover.benchmark.events.JobTimeline;
import dev.drover.benchmark.jobs.JobShapes;
import dev.drover.benchmark.report.Figures;

/**
 * Root, many one-instance tasks, join (the C23a shape): how fast the scheduler releases and the
 * provisioner runs whole tasks, each with its own TaskReady and task state.
 */
public final class WideScenario implements Scenario {

    private final int width;

    public WideScenario(int width) {
        this.width = width;
    }

    @Override
    public String name() {
        return "wide";
    }

    @Override
    public String size() {
        return "root + " + width + " tasks + join";
    }

    @Override
    public Figures run(Driver driver, int run) {
        String jobId =
                driver.submit(JobShapes.wide("bench-wide-" + run, width, JobShapes.TRIVIAL))
                        .body()
                        .path("JobId")
                        .asText();
        JobTimeline timeline = driver.awaitSucceeded(name(), jobId, width + 2);
        Span span = new Span();
        for (int i = 0; i < width; i++) {
            span.add(timeline.task(JobShapes.wideTask(i)).instances().get(0));
        }
        InstanceTimes root = timeline.task("R").instances().get(0);
        InstanceTimes join = timeline.task("J").instances().get(0);
        driver.forget(jobId);
        return new Figures()
                .put("tasks_per_s", span.perSecond())
                .put("span_s", millis(span.firstStart(), span.lastExit()) / 1000)
                .put("release_after_root_exit_ms", millis(root.ended(), span.firstStart()))
                .put("join_after_last_exit_ms", millis(span.lastExit(), join.started()));
    }
}
