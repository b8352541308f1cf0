package dev.drover.benchmark.scenario;

import static dev.drover.benchmark.report.Stats.millis;

import dev.drover.benchmark.events.InstanceTimes;
import dev.drover.benchmark.events.JobTimeline;
import dev.drover.benchmark.events.TaskTimes;
import dev.drover.benchmark.jobs.JobShapes;
import dev.drover.benchmark.report.Figures;
import dev.drover.benchmark.report.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of one-instance tasks. Each edge is measured from the predecessor's process exit to the
 * successor's process start, both as the provisioner recorded them, and cut into the hops the
 * events show in between:
 *
 * <ol>
 *   <li>exit to the final instance event sent (provisioner: log streams drained and acked);
 *   <li>that event sent to the scheduler's TaskReady decided (Kafka delivery, scheduler's read of
 *       the job, DAG step);
 *   <li>TaskReady decided to sent (the scheduler's commit and outbox relay);
 *   <li>TaskReady sent to the process started (Kafka delivery to the provisioner, journal, slot,
 *       work directory, fork and exec).
 * </ol>
 */
public final class ChainScenario implements Scenario {

    private final int tasks;

    public ChainScenario(int tasks) {
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "chain";
    }

    @Override
    public String size() {
        return tasks + " tasks";
    }

    @Override
    public Figures run(Driver driver, int run) {
        String jobId =
                driver.submit(JobShapes.chain("bench-chain-" + run, tasks))
                        .body()
                        .path("JobId")
                        .asText();
        JobTimeline timeline = driver.awaitSucceeded(name(), jobId, tasks);
        Hops hops = new Hops();
        for (int i = 1; i < tasks; i++) {
            hops.add(
                    only(timeline, i - 1),
                    timeline.task(JobShapes.chainTask(i)),
                    only(timeline, i));
        }
        InstanceTimes first = only(timeline, 0);
        InstanceTimes last = only(timeline, tasks - 1);
        driver.forget(jobId);
        Figures f = new Figures();
        f.put("edge_p50_ms", Stats.percentile(hops.edge, 50));
        f.put("edge_p90_ms", Stats.percentile(hops.edge, 90));
        f.put("edge_p99_ms", Stats.percentile(hops.edge, 99));
        f.put("edge_max_ms", Stats.max(hops.edge));
        f.put("total_s", millis(first.started(), last.ended()) / 1000);
        f.put("hop_exit_to_report_p50_ms", Stats.median(hops.exitToReport));
        f.put("hop_report_to_release_p50_ms", Stats.median(hops.reportToRelease));
        f.put("hop_release_commit_relay_p50_ms", Stats.median(hops.commitAndRelay));
        f.put("hop_ready_to_spawn_p50_ms", Stats.median(hops.readyToSpawn));
        return f;
    }

    private static InstanceTimes only(JobTimeline timeline, int i) {
        return timeline.task(JobShapes.chainTask(i)).instances().get(0);
    }

    /** The samples of each hop, one per edge. */
    private static final class Hops {
        final List<Double> edge = new ArrayList<>();
        final List<Double> exitToReport = new ArrayList<>();
        final List<Double> reportToRelease = new ArrayList<>();
        final List<Double> commitAndRelay = new ArrayList<>();
        final List<Double> readyToSpawn = new ArrayList<>();

        void add(InstanceTimes pred, TaskTimes succTask, InstanceTimes succ) {
            edge.add(millis(pred.ended(), succ.started()));
            double reported = pred.endSentMillis();
            double decided = epochMillis(succTask.readyCreated());
            double sent = succTask.readySentMillis();
            exitToReport.add(reported - epochMillis(pred.ended()));
            reportToRelease.add(decided - reported);
            commitAndRelay.add(sent - decided);
            readyToSpawn.add(epochMillis(succ.started()) - sent);
        }

        private static double epochMillis(java.time.Instant t) {
            return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
        }
    }
}
