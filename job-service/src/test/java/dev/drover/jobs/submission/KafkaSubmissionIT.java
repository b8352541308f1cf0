package dev.drover.jobs.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.JobRejected;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.jobs.support.Sql;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class KafkaSubmissionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Well under the ~25 s that retrying a record eight times with growing waits takes. */
    private static final Duration PROMPTLY = Duration.ofSeconds(8);

    @Test
    void validSubmissionIsStoredAndAnsweredWithJobAccepted() throws Exception {
        String name = "kafka-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS)) {
            send("sub-" + name, Bodies.singleTask(name, 3).toString());
            ConsumerRecord<String, String> record =
                    jobEvents.awaitRecord(r -> r.value().contains("\"" + name + "\""), WAIT);
            JobAccepted accepted = (JobAccepted) EventCodec.decode(record.value(), JobEvent.class);
            assertThat(accepted.tasks())
                    .singleElement()
                    .extracting(t -> t.taskInstanceNum())
                    .isEqualTo(3);
            given().get("/v1/jobs/{id}", accepted.jobId())
                    .then()
                    .statusCode(200)
                    .body("JobName", equalTo(name))
                    .body("TaskInstanceMetrics.RunnableCount", equalTo(3));
        }
    }

    @Test
    void invalidAndMalformedSubmissionsAreAnsweredWithJobRejected() throws Exception {
        String key = "bad-" + UUID.randomUUID();
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS)) {
            send(key, Bodies.fixture("invalid/cycle-three-nodes.json"));
            JobRejected cycle = rejected(jobEvents, key);
            assertThat(cycle.code()).isEqualTo("InvalidParameterValue.DependenceUnfeasible");
            assertThat(cycle.submissionKey()).isEqualTo(key);
            assertThat(cycle.detail()).contains("'A'", "'B'", "'C'");

            String malformed = key + "-json";
            send(malformed, "{not json");
            assertThat(rejected(jobEvents, malformed).code()).isEqualTo("InvalidParameter");
        }
    }

    /**
     * A store error no retry can fix (here a check constraint the validator knows nothing of) is
     * answered with JobRejected at once, not retried for half a minute, and the submission behind
     * it is accepted.
     */
    @Test
    void submissionTheStoreRefusesIsRejectedAtOnceAndTheNextIsAccepted() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String poison = "poison-" + suffix;
        String next = "after-poison-" + suffix;
        String constraint = "it_refuses_" + suffix;
        Sql.execute(
                "alter table job add constraint "
                        + constraint
                        + " check (name <> '"
                        + poison
                        + "')");
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS)) {
            send(poison, Bodies.singleTask(poison, 1).toString());
            send(next, Bodies.singleTask(next, 1).toString());

            JobRejected refused = rejected(jobEvents, poison, PROMPTLY);
            assertThat(refused.code()).isEqualTo("InternalError");
            assertThat(refused.detail()).contains("SQLSTATE 23514");
            jobEvents.awaitRecord(
                    r ->
                            r.value().contains("\"" + next + "\"")
                                    && r.value().contains("\"JobAccepted\""),
                    PROMPTLY);
            assertThat(Sql.count("select count(*) from job where name = ?", poison)).isZero();
            assertThat(Sql.count("select count(*) from job where name = ?", next)).isEqualTo(1);
        } finally {
            Sql.execute("alter table job drop constraint " + constraint);
        }
    }

    private static JobRejected rejected(TopicProbe probe, String key) throws InterruptedException {
        return rejected(probe, key, WAIT);
    }

    private static JobRejected rejected(TopicProbe probe, String key, Duration within)
            throws InterruptedException {
        ConsumerRecord<String, String> record = probe.awaitRecord(r -> key.equals(r.key()), within);
        return (JobRejected) EventCodec.decode(record.value(), JobEvent.class);
    }

    private static void send(String key, String body) {
        TopicProbe.send(LocalStackResource.bootstrapServers(), Topics.JOB_SUBMISSIONS, key, body);
    }
}
