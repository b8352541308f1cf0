package dev.drover.jobs.readmodel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class ReadModelIT {

    @Inject TaskEventsConsumer taskEvents;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void duplicateAndStaleInstanceEventsLeaveTheTerminalStateAlone() {
        String jobId = Api.submit(Bodies.singleTask("readmodel", 2).toString());
        // The store keeps microseconds, as PostgreSQL does.
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant t0 = t1.minusSeconds(5);
        Events.send(Topics.INSTANCE_EVENTS, InstanceStarting.of(jobId, "T", 0, 1));
        Events.send(Topics.INSTANCE_EVENTS, InstanceRunning.of(jobId, "T", 0, 1, t0));
        Events.send(Topics.INSTANCE_EVENTS, InstanceSucceeded.of(jobId, "T", 0, 1, t0, t1));
        Events.send(Topics.INSTANCE_EVENTS, InstanceSucceeded.of(jobId, "T", 0, 1, t0, t1));
        Events.send(Topics.INSTANCE_EVENTS, InstanceRunning.of(jobId, "T", 0, 1, t1));
        // The marker: an event for index 1 sent after the stale ones, so once it shows, they were
        // all consumed (one job's events share a partition and are applied in order).
        Events.send(Topics.INSTANCE_EVENTS, InstanceStarting.of(jobId, "T", 1, 1));

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}/tasks/T", jobId)
                                        .then()
                                        .body("TaskInstanceSet[1].State", equalTo("STARTING")));
        given().get("/v1/jobs/{id}/tasks/T", jobId)
                .then()
                .body("TaskInstanceSet[0].State", equalTo("SUCCEED"))
                .body("TaskInstanceSet[0].Attempts", equalTo(1))
                .body("TaskInstanceSet[0].ExitCode", equalTo(0))
                .body("TaskInstanceSet[0].EndTime", equalTo(t1.toString()))
                .body("TaskInstanceMetrics.SucceedCount", equalTo(1));
    }

    @Test
    void olderAttemptNeverOverridesTheNewerOneAndAttemptsIsTheHighestSeen() {
        String jobId = Api.submit(Bodies.singleTask("attempts", 1).toString());
        Instant t = Instant.now();
        Events.send(
                Topics.INSTANCE_EVENTS,
                InstanceFailed.of(jobId, "T", 0, 1, FailureKind.EXIT_CODE, 3, "exit 3", t, t));
        Events.send(Topics.INSTANCE_EVENTS, InstanceRunning.of(jobId, "T", 0, 2, t));
        Events.send(
                Topics.INSTANCE_EVENTS,
                InstanceFailed.of(jobId, "T", 0, 1, FailureKind.EXIT_CODE, 3, "exit 3", t, t));
        Events.send(Topics.INSTANCE_EVENTS, InstanceSucceeded.of(jobId, "T", 0, 2, t, t));

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}/tasks/T", jobId)
                                        .then()
                                        .body("TaskInstanceSet[0].State", equalTo("SUCCEED"))
                                        .body("TaskInstanceSet[0].Attempts", equalTo(2)));
    }

    @Test
    void taskFailedUpstreamTakesItsInstancesWithZeroAttemptsAndJobEndsFailed() {
        String jobId = Api.submit(Bodies.fixture("valid/c03-case-distinct.json"));
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(jobId, "A", State.RUNNABLE, State.FAILED, "exit 1"));
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(
                        jobId, "a", State.PENDING, State.FAILED, "upstream task A failed"));
        Events.send(
                Topics.JOB_EVENTS,
                JobStateChanged.of(jobId, State.SUBMITTED, State.FAILED, "task A failed"));
        // A late move of the finished job is ignored.
        Events.send(
                Topics.JOB_EVENTS, JobStateChanged.of(jobId, State.SUBMITTED, State.RUNNING, null));
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(jobId, "a", State.PENDING, State.RUNNABLE, null));

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}/tasks/a", jobId)
                                        .then()
                                        .body("TaskState", equalTo("FAILED"))
                                        .body("StateReason", equalTo("upstream task A failed"))
                                        .body("TaskInstanceSet[0].State", equalTo("FAILED"))
                                        .body("TaskInstanceSet[0].Attempts", equalTo(0))
                                        .body(
                                                "TaskInstanceSet[0].StateReason",
                                                equalTo("upstream task A failed")));
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}", jobId)
                                        .then()
                                        .body("JobState", equalTo("FAILED"))
                                        .body("StateReason", equalTo("task A failed"))
                                        .body("TaskMetrics.FailedCount", equalTo(2))
                                        .body("TaskInstanceMetrics.FailedCount", equalTo(2)));
    }

    @Test
    void retryReopensAFailedTaskAndItsFailedInstances() {
        String jobId = Api.submit(Bodies.singleTask("retry-reopen", 1).toString());
        Instant t = Instant.now();
        Events.send(
                Topics.INSTANCE_EVENTS,
                InstanceFailed.of(jobId, "T", 0, 1, FailureKind.EXIT_CODE, 1, "exit 1", t, t));
        // Instance and task events travel on different topics; the scheduler fails a task only
        // after it has seen the instance fail, so the test waits for that too.
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}/tasks/T", jobId)
                                        .then()
                                        .body("TaskInstanceSet[0].State", equalTo("FAILED")));
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(jobId, "T", State.RUNNABLE, State.FAILED, "exit 1"));
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(jobId, "T", State.FAILED, State.RUNNABLE, State.RETRY_REASON));

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}/tasks/T", jobId)
                                        .then()
                                        .body("TaskState", equalTo("RUNNABLE"))
                                        .body("TaskInstanceSet[0].State", equalTo("RUNNABLE"))
                                        .body("TaskInstanceSet[0].Attempts", equalTo(1)));
    }

    @Test
    void aBatchOfSeveralMovesOfOneTaskKeepsItsFirstStartAndItsLastState() {
        String jobId = Api.submit(Bodies.singleTask("task-batch", 1).toString());
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant t1 = t0.plusSeconds(1);
        Instant t2 = t0.plusSeconds(2);

        taskEvents.apply(
                List.of(
                        move(jobId, State.PENDING, State.RUNNABLE, null, t0),
                        move(jobId, State.RUNNABLE, State.RUNNING, null, t1),
                        // A duplicate inside the same batch is refused against the moved state.
                        move(jobId, State.RUNNABLE, State.RUNNING, null, t2),
                        move(jobId, State.RUNNING, State.SUCCEED, "all done", t2)));

        given().get("/v1/jobs/{id}/tasks/T", jobId)
                .then()
                .body("TaskState", equalTo("SUCCEED"))
                .body("StateReason", equalTo("all done"))
                .body("StartTime", equalTo(t1.toString()))
                .body("EndTime", equalTo(t2.toString()));
    }

    private static TaskStateChanged move(
            String jobId, State from, State to, String reason, Instant at) {
        return new TaskStateChanged(
                Event.newId(), at, jobId, Event.SCHEMA_VERSION, "T", from, to, reason);
    }
}
