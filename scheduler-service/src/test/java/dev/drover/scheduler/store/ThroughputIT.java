package dev.drover.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import dev.drover.scheduler.dag.Jobs;
import dev.drover.scheduler.messaging.WireParts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measures completions per second through the core and the database (the Kafka hops are not
 * included) and prints them for the closing note; asserts only that the jobs end correctly.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "drover_scheduler"))
class ThroughputIT {

    static final int WIDTH = 10_000;
    static final int BATCH = 1_000;

    @Inject Inbox inbox;
    @Inject AgroalDataSource dataSource;

    @Test
    void tenThousandTaskFanOutAndFanInSettlesWithOneReleaseOfTheJoin() throws SQLException {
        String job = "job-" + UUID.randomUUID();
        List<TaskSpec> tasks = new ArrayList<>();
        List<Dependence> edges = new ArrayList<>();
        tasks.add(Jobs.task("R", 1, 0));
        for (int i = 0; i < WIDTH; i++) {
            tasks.add(Jobs.task("T" + i, 1, 0));
            edges.add(new Dependence("R", "T" + i));
            edges.add(new Dependence("T" + i, "J"));
        }
        tasks.add(Jobs.task("J", 1, 0));
        JobSpec spec = Jobs.job(DependOn.PRE_TASK_SUCCEED, tasks, edges);

        long learnStart = System.nanoTime();
        inbox.handleOnce(new ArrayList<>(WireParts.split(job, spec, 10)));
        long learnMs = (System.nanoTime() - learnStart) / 1_000_000;
        long releaseStart = System.nanoTime();
        int released = inbox.handleOnce(List.of(done(job, "R", 0)));
        long releaseMs = (System.nanoTime() - releaseStart) / 1_000_000;

        long start = System.nanoTime();
        int joinEvents = 0;
        for (int from = 0; from < WIDTH; from += BATCH) {
            List<Event> batch = new ArrayList<>();
            for (int i = from; i < from + BATCH; i++) {
                batch.add(done(job, "T" + i, 0));
            }
            joinEvents += inbox.handleOnce(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "MEASURE fan-out %d tasks: learn %d ms, release of %d successors %d ms,"
                        + " %d completions in %.2f s = %.0f completions/s%n",
                WIDTH, learnMs, WIDTH, releaseMs, WIDTH, seconds, WIDTH / seconds);

        // No RUNNING reports (quick instances report only their end), so R's completion also
        // moves R and the job to RUNNING; then R's settle, and per successor a move and a ready.
        assertThat(released).isEqualTo(2 + 1 + 2 * WIDTH);
        // Per completion its task's RUNNING and SUCCEED moves; the last also releases J.
        assertThat(joinEvents).isEqualTo(2 * WIDTH + 2);
        inbox.handleOnce(List.of(done(job, "J", 0)));
        assertThat(jobState(job)).isEqualTo("SUCCEED");
    }

    @Test
    void tenThousandInstancesOfOneTaskAreCountedOnceEach() throws SQLException {
        String job = "job-" + UUID.randomUUID();
        JobSpec spec =
                Jobs.job(
                        DependOn.PRE_TASK_SUCCEED,
                        List.of(Jobs.task("F", WIDTH, 0), Jobs.task("J", 1, 0)),
                        List.of(new Dependence("F", "J")));
        inbox.handleOnce(List.of(WireParts.single(job, spec)));

        long start = System.nanoTime();
        int events = 0;
        for (int from = 0; from < WIDTH; from += BATCH) {
            List<Event> batch = new ArrayList<>();
            for (int i = from; i < from + BATCH; i++) {
                batch.add(done(job, "F", i));
                if (i % 10 == 0) {
                    batch.add(done(job, "F", i)); // a redelivery now and then
                }
            }
            events += inbox.handleOnce(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "MEASURE one task of %d instances: %.2f s = %.0f completions/s%n",
                WIDTH, seconds, WIDTH / seconds);

        // F and the job RUNNING (from the first completion), F SUCCEED, J RUNNABLE, J's TaskReady
        assertThat(events).isEqualTo(5);
        assertThat(taskSucceeded(job, "F")).isEqualTo(WIDTH);
    }

    @Test
    void chainCompletionCostsTheSameAtAnyDepth() throws SQLException {
        String job = "job-" + UUID.randomUUID();
        int length = 2_000;
        List<TaskSpec> tasks = new ArrayList<>();
        List<Dependence> edges = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            tasks.add(Jobs.task("C" + i, 1, 0));
            if (i > 0) {
                edges.add(new Dependence("C" + (i - 1), "C" + i));
            }
        }
        inbox.handleOnce(
                new ArrayList<>(
                        WireParts.split(
                                job, Jobs.job(DependOn.PRE_TASK_SUCCEED, tasks, edges), 2)));

        long first = 0;
        long start = System.nanoTime();
        for (int i = 0; i < length; i++) {
            inbox.handleOnce(List.of(done(job, "C" + i, 0)));
            if (i == 199) {
                first = System.nanoTime() - start;
            }
        }
        long total = System.nanoTime() - start;
        double lastMs = (total - first) / 1e6 / (length - 200);
        System.out.printf(
                "MEASURE chain of %d, one transaction per completion: first 200 %.2f ms/edge,"
                        + " rest %.2f ms/edge%n",
                length, first / 1e6 / 200, lastMs);

        assertThat(jobState(job)).isEqualTo("SUCCEED");
    }

    static InstanceSucceeded done(String job, String task, int index) {
        return InstanceSucceeded.of(job, task, index, 1, Instant.now(), Instant.now());
    }

    private String jobState(String job) throws SQLException {
        return queryOne("SELECT state FROM job WHERE job_id = ?", job, null);
    }

    private int taskSucceeded(String job, String task) throws SQLException {
        return Integer.parseInt(
                queryOne("SELECT succeeded FROM task WHERE job_id = ? AND name = ?", job, task));
    }

    private String queryOne(String sql, String job, String task) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, job);
            if (task != null) {
                ps.setString(2, task);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
