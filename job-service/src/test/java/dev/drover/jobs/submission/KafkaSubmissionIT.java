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

    private static JobRejected rejected(TopicProbe probe, String key) throws InterruptedException {
        ConsumerRecord<String, String> record = probe.awaitRecord(r -> key.equals(r.key()), WAIT);
        return (JobRejected) EventCodec.decode(record.value(), JobEvent.class);
    }

    private static void send(String key, String body) {
        TopicProbe.send(LocalStackResource.bootstrapServers(), Topics.JOB_SUBMISSIONS, key, body);
    }
}
