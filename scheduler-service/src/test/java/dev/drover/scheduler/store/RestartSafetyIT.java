package dev.drover.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.EventCodec;
import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobEvent;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import dev.drover.scheduler.dag.Jobs;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A crash of the scheduler at any point is either before its batch committed (the batch is
 * redelivered and runs as if for the first time) or after (the redelivered batch changes nothing).
 * Both are driven here through the shell's own transaction code.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "drover_scheduler"))
class RestartSafetyIT {

    @Inject Inbox inbox;
    @Inject AgroalDataSource dataSource;

    @Test
    void batchRedeliveredAfterItsCommitDecidesNothingAgain() throws SQLException {
        String job = "job-" + UUID.randomUUID();
        List<Event> batch = diamondUpToTheJoin(job);

        int first = inbox.handleOnce(batch);
        Map<String, String> after = taskStates(job);
        int second = inbox.handleOnce(batch);

        assertThat(first).isPositive();
        assertThat(second).isZero();
        assertThat(taskStates(job)).isEqualTo(after);
        assertThat(after).containsEntry("D", "RUNNABLE").containsEntry("C", "SUCCEED");
    }

    @Test
    void batchCutOffBeforeItsCommitLeavesNoTraceAndRunsWholeOnRedelivery() throws SQLException {
        String job = "job-" + UUID.randomUUID();
        List<Event> batch = diamondUpToTheJoin(job);
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            new InboxBatch(db, new DecisionLog(new SimpleMeterRegistry())).handle(batch);
            // kill -9 here: the transaction never commits.
            db.rollback();
        }
        assertThat(taskStates(job)).isEmpty();

        int redelivered = inbox.handleOnce(batch);

        // Learn (1 job + 4 tasks), the job and A, B, C to RUNNING (their ends are the first news
        // that they ran), A, B, C settle, B and C released, D released with its ready.
        assertThat(redelivered).isEqualTo(5 + 4 + 3 + 4 + 2);
        assertThat(taskStates(job)).containsEntry("D", "RUNNABLE");
    }

    @Test
    void everyInputOfAFinishedJobConsumedAgainFromTheStartDecidesNothing() throws Exception {
        String job = "job-" + UUID.randomUUID();
        String servers = LocalStackResource.bootstrapServers();
        for (Event input : diamondUpToTheJoin(job)) {
            String topic =
                    input instanceof InstanceEvent ? Topics.INSTANCE_EVENTS : Topics.JOB_EVENTS;
            TopicProbe.send(servers, topic, job, EventCodec.encode(input));
        }
        TopicProbe.send(servers, Topics.INSTANCE_EVENTS, job, EventCodec.encode(done(job, "D")));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "SUCCEED".equals(jobState(job)));

        // A fresh consumer group, as after losing every committed offset.
        List<Event> replay = new ArrayList<>();
        replay.addAll(readBack(servers, Topics.JOB_EVENTS, job, JobEvent.class, 1));
        replay.addAll(readBack(servers, Topics.INSTANCE_EVENTS, job, InstanceEvent.class, 4));

        assertThat(inbox.handleOnce(replay.stream().filter(Inbox::isInput).toList())).isZero();
        assertThat(jobState(job)).isEqualTo("SUCCEED");
    }

    private static List<Event> readBack(
            String servers, String topic, String job, Class<? extends Event> type, int expected)
            throws InterruptedException {
        try (TopicProbe probe = TopicProbe.fromBeginning(servers, topic)) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> mine(probe, job).size() >= expected);
            return mine(probe, job).stream()
                    .map(r -> (Event) EventCodec.decode(r.value(), type))
                    .toList();
        }
    }

    private static List<ConsumerRecord<String, String>> mine(TopicProbe probe, String job) {
        return probe.records().stream().filter(r -> job.equals(r.key())).toList();
    }

    static List<Event> diamondUpToTheJoin(String job) {
        List<Event> batch = new ArrayList<>();
        batch.add(
                dev.drover.scheduler.messaging.WireParts.single(job, Jobs.fixture("c06-diamond")));
        batch.add(done(job, "A"));
        batch.add(done(job, "B"));
        batch.add(done(job, "C"));
        return batch;
    }

    static InstanceSucceeded done(String job, String task) {
        return InstanceSucceeded.of(job, task, 0, 1, Instant.now(), Instant.now());
    }

    private Map<String, String> taskStates(String job) throws SQLException {
        Map<String, String> states = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement ps =
                        db.prepareStatement(
                                "SELECT name, state FROM task WHERE job_id = ? ORDER BY ord")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return states;
    }

    private String jobState(String job) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement ps =
                        db.prepareStatement("SELECT state FROM job WHERE job_id = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : State.SUBMITTED.name();
            }
        }
    }
}
