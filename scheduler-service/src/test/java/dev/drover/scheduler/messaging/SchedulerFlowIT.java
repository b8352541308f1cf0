package dev.drover.scheduler.messaging;

import static dev.drover.scheduler.messaging.Wire.awaitJob;
import static dev.drover.scheduler.messaging.Wire.awaitReady;
import static dev.drover.scheduler.messaging.Wire.awaitTask;
import static dev.drover.scheduler.messaging.Wire.readies;
import static dev.drover.scheduler.messaging.Wire.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TerminateJob;
import dev.drover.contract.spec.JobSpec;
import dev.drover.localstack.LocalStackResource;
import dev.drover.scheduler.dag.Jobs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on the real broker and database, with the test playing job-service and provisioner.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "drover_scheduler"))
class SchedulerFlowIT {

    /** Long enough for a wrongly decided second release to have reached the probe. */
    static final Duration QUIET = Duration.ofMillis(700);

    @BeforeAll
    static void probes() {
        Wire.open();
    }

    @Test
    void diamondJoinRunsOnceWhenItsPredecessorsEndApart() throws InterruptedException {
        String job = Wire.newJobId();
        Wire.accept(job, Jobs.fixture("c06-diamond"));
        awaitJob(job, State.RUNNABLE);

        succeed(job, "A", 0, 1);
        awaitReady(job, "B", 1);
        awaitReady(job, "C", 1);
        succeed(job, "B", 0, 1);
        awaitTask(job, "B", State.SUCCEED);
        assertThat(readies(job, "D")).isEmpty();
        succeed(job, "C", 0, 1);
        TaskReady d = awaitReady(job, "D", 1);

        assertThat(d.instanceIndexes()).containsExactly(0);
        assertThat(d.task().application().command()).contains("D-ran");
        succeed(job, "C", 0, 1);
        succeed(job, "D", 0, 1);
        awaitJob(job, State.SUCCEED);
        await().during(QUIET)
                .atMost(QUIET.multipliedBy(3))
                .until(() -> readies(job, "D").size() == 1);
    }

    @RepeatedTest(3)
    void diamondJoinRunsOnceWhenBothPredecessorsEndTogether() throws InterruptedException {
        String job = Wire.newJobId();
        Wire.accept(job, Jobs.fixture("c06-diamond"));
        succeed(job, "A", 0, 1);
        awaitReady(job, "C", 1);

        // Both completions and a redelivery of each, back to back: often in one batch.
        InstanceSucceeded b = done(job, "B", 0, 1);
        InstanceSucceeded c = done(job, "C", 0, 1);
        for (InstanceSucceeded report : List.of(b, c, b, c)) {
            send(Topics.INSTANCE_EVENTS, report);
        }
        awaitReady(job, "D", 1);
        succeed(job, "D", 0, 1);

        awaitJob(job, State.SUCCEED);
        await().during(QUIET)
                .atMost(QUIET.multipliedBy(3))
                .until(() -> readies(job, "D").size() == 1);
    }

    @Test
    void failedMiddleOfABranchFailsWhatDependsOnItAndTheJobOnceTheOtherBranchEnds()
            throws InterruptedException {
        String job = Wire.newJobId();
        Wire.accept(job, Jobs.fixture("c09-branch-fail"));
        succeed(job, "A", 0, 1);
        awaitReady(job, "C", 1);
        send(Topics.INSTANCE_EVENTS, InstanceRunning.of(job, "C", 0, 1, Instant.now()));
        succeed(job, "B", 0, 1);
        awaitReady(job, "D", 1);

        fail(job, "D", 0, 1, FailureKind.EXIT_CODE);

        assertThat(awaitTask(job, "D", State.FAILED).reason()).isEqualTo("1 of 1 instances failed");
        assertThat(awaitTask(job, "E", State.FAILED).reason()).isEqualTo("upstream task D failed");
        awaitJob(job, State.RUNNING);
        succeed(job, "C", 0, 1);
        assertThat(awaitJob(job, State.FAILED).reason()).isEqualTo("task D failed");
        assertThat(readies(job, "E")).isEmpty();
    }

    @Test
    void failedInstanceIsRetriedWithItsIndexUntilItsAttemptsAreUsed() throws InterruptedException {
        String job = Wire.newJobId();
        Wire.accept(job, Jobs.fixture("c20-retry-keeps-index"));
        for (int index : List.of(0, 1, 3)) {
            succeed(job, "I", index, 1);
        }
        fail(job, "I", 2, 1, FailureKind.EXIT_CODE);

        TaskReady retry = awaitReady(job, "I", 2);
        assertThat(retry.instanceIndexes()).containsExactly(2);
        fail(job, "I", 2, 1, FailureKind.EXIT_CODE);
        fail(job, "I", 2, 2, FailureKind.EXIT_CODE);

        awaitTask(job, "I", State.FAILED);
        awaitJob(job, State.FAILED);
        assertThat(readies(job, "I")).hasSize(1);
    }

    @Test
    void retryCarriesTheStoredStateIfCreateCvmFailed() throws InterruptedException {
        String job = Wire.newJobId();
        JobSpec spec = Jobs.fixture("c20-retry-keeps-index");
        Wire.accept(
                job,
                new JobSpec(
                        spec.jobName(),
                        spec.jobDescription(),
                        spec.priority(),
                        spec.tasks(),
                        spec.dependences(),
                        spec.taskExecutionDependOn(),
                        "RUNNABLE",
                        spec.tags()));
        awaitJob(job, State.RUNNABLE);

        fail(job, "I", 2, 1, FailureKind.SETUP);

        assertThat(awaitReady(job, "I", 2).stateIfCreateCvmFailed()).isEqualTo("RUNNABLE");
    }

    @Test
    void reportsThatOvertakeTheirJobAreKeptAndReplayed() throws InterruptedException {
        String job = Wire.newJobId();
        List<JobAccepted> parts = Wire.parts(job, Jobs.fixture("c06-diamond"), 2);

        succeed(job, "A", 0, 1);
        send(Topics.JOB_EVENTS, parts.get(1));
        send(Topics.JOB_EVENTS, parts.get(1));
        succeed(job, "A", 0, 1);
        send(Topics.JOB_EVENTS, parts.get(0));

        awaitReady(job, "B", 1);
        awaitReady(job, "C", 1);
        awaitTask(job, "A", State.SUCCEED);
        assertThat(readies(job, "B")).hasSize(1);
    }

    @Test
    void terminateFailsWaitingTasksAndEndsTheJobWhenItsInstancesAreGone()
            throws InterruptedException {
        String job = Wire.newJobId();
        Wire.accept(job, Jobs.fixture("c06-diamond"));
        succeed(job, "A", 0, 1);
        awaitReady(job, "B", 1);

        send(Topics.JOB_EVENTS, TerminateJob.of(job, "user asked"));
        assertThat(awaitTask(job, "D", State.FAILED).reason()).isEqualTo("terminated");
        fail(job, "B", 0, 1, FailureKind.TERMINATED);
        fail(job, "C", 0, 1, FailureKind.TERMINATED);

        assertThat(awaitJob(job, State.FAILED).reason()).isEqualTo("terminated");
        assertThat(readies(job, "D")).isEmpty();
    }

    static InstanceSucceeded done(String job, String task, int index, int attempt) {
        return InstanceSucceeded.of(job, task, index, attempt, Instant.now(), Instant.now());
    }

    static void succeed(String job, String task, int index, int attempt) {
        send(Topics.INSTANCE_EVENTS, done(job, task, index, attempt));
    }

    static void fail(String job, String task, int index, int attempt, FailureKind kind) {
        send(
                Topics.INSTANCE_EVENTS,
                InstanceFailed.of(
                        job,
                        task,
                        index,
                        attempt,
                        kind,
                        3,
                        "exit 3",
                        Instant.now(),
                        Instant.now()));
    }
}
