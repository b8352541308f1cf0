package dev.drover.jobs.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.RetryJob;
import dev.drover.contract.event.TerminateJob;
import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.jobs.support.Sql;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class ControlIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void terminatePublishesTerminateJobAndIsANoOpOnceTheJobFinished() throws Exception {
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS)) {
            String jobId = Api.submit(Bodies.singleTask("terminate", 1).toString());
            given().post("/v1/jobs/{id}/terminate", jobId)
                    .then()
                    .statusCode(202)
                    .body("Requested", equalTo(true));
            jobEvents.awaitRecord(
                    r -> jobId.equals(r.key()) && r.value().contains("TerminateJob"), WAIT);
            assertThat(Events.jobEvents(jobEvents, jobId))
                    .filteredOn(TerminateJob.class::isInstance)
                    .singleElement()
                    .extracting(e -> ((TerminateJob) e).reason())
                    .isEqualTo("terminated");

            finish(jobId);
            given().post("/v1/jobs/{id}/terminate", jobId)
                    .then()
                    .statusCode(200)
                    .body("Requested", equalTo(false));
            // Nothing more for this job: a later job's acceptance is the marker that the outbox
            // relayed everything written before it.
            String marker = Api.submit(Bodies.singleTask("marker", 1).toString());
            jobEvents.awaitRecord(r -> marker.equals(r.key()), WAIT);
            assertThat(Events.jobEvents(jobEvents, jobId))
                    .filteredOn(TerminateJob.class::isInstance)
                    .hasSize(1);
        }
    }

    @Test
    void deleteIsRefusedUntilTheJobAndEveryInstanceFinished() {
        String jobId = Api.submit(Bodies.singleTask("delete", 1).toString());
        given().delete("/v1/jobs/{id}", jobId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ResourceInUse.Job"));

        finish(jobId);
        given().delete("/v1/jobs/{id}", jobId).then().statusCode(200);
        given().get("/v1/jobs/{id}", jobId)
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Job"));
        assertThat(Sql.count("select count(*) from instance where job_id = ?", jobId)).isZero();
        assertThat(Sql.count("select count(*) from task where job_id = ?", jobId)).isZero();
        given().delete("/v1/jobs/{id}", jobId).then().statusCode(404);
    }

    @Test
    void retryIsOnlyForFailedJobsAndPublishesRetryJob() throws Exception {
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS)) {
            String jobId = Api.submit(Bodies.singleTask("retry", 1).toString());
            given().post("/v1/jobs/{id}/retry", jobId)
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("UnsupportedOperation"));

            finish(jobId);
            given().post("/v1/jobs/{id}/retry", jobId).then().statusCode(202);
            jobEvents.awaitRecord(
                    r -> jobId.equals(r.key()) && r.value().contains("RetryJob"), WAIT);
            assertThat(Events.jobEvents(jobEvents, jobId))
                    .filteredOn(RetryJob.class::isInstance)
                    .hasSize(1);
        }
        given().post("/v1/jobs/{id}/retry", "job-unknown0").then().statusCode(404);
    }

    /** Ends the job FAILED the way the scheduler and provisioner would report it. */
    private static void finish(String jobId) {
        Instant t = Instant.now();
        Events.send(
                Topics.INSTANCE_EVENTS,
                InstanceFailed.of(
                        jobId, "T", 0, 1, FailureKind.TERMINATED, null, "terminated", null, t));
        Events.send(
                Topics.JOB_EVENTS,
                JobStateChanged.of(jobId, State.SUBMITTED, State.FAILED, "terminated"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            given().get("/v1/jobs/{id}", jobId)
                                    .then()
                                    .body("JobState", equalTo("FAILED"));
                            given().get("/v1/jobs/{id}/tasks/T", jobId)
                                    .then()
                                    .body("TaskInstanceSet[0].State", equalTo("FAILED"));
                        });
    }
}
