package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.Topics;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.TerminateJob;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A terminate stops the work released before it, and only that: a RetryJob's work, released after
 * it, runs, even when its TaskReady overtakes the TerminateJob (they travel on different topics).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class TerminateThenRetryIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void theRetryAfterATerminateRunsWhileWorkReleasedBeforeItIsStillRefused() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), withCommand("sleep 300"));
        awaitRunning(job, 0, 1);
        TerminateJob terminate = TerminateJob.of(job, "terminated");
        Harness.send(Topics.JOB_EVENTS, terminate);
        assertTerminated(job, 0, 1);

        // Released before the terminate, delivered after it: still stopped.
        Harness.releaseDecidedAt(
                job,
                1,
                List.of(1),
                withCommand("echo late"),
                terminate.occurredAt().minusMillis(1));
        InstanceFailed late = assertTerminated(job, 1, 1);
        assertThat(late.startedAt()).isNull();
        assertThat(harness.events(job, "I", 1, 1)).singleElement().isEqualTo(late);

        // RetryJob's work, released after the terminate: runs.
        Harness.release(job, 1, 2, List.of(0), withCommand("echo again"));
        assertThat(harness.awaitFinal(job, "I", 0, 2, SHORT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 2, LogStream.STDOUT, SHORT)))
                .isEqualTo("again\n");
    }

    @Test
    void aRetryWhoseWorkOvertookTheTerminateKeepsRunning() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), withCommand("sleep 300"));
        awaitRunning(job, 0, 1);
        TerminateJob terminate = TerminateJob.of(job, "terminated");
        Harness.releaseDecidedAt(
                job, 2, List.of(1), withCommand("sleep 300"), terminate.occurredAt().plusMillis(1));
        awaitRunning(job, 1, 2);

        Harness.send(Topics.JOB_EVENTS, terminate);
        assertTerminated(job, 0, 1);
        assertThat(harness.events(job, "I", 1, 2))
                .noneMatch(e -> e instanceof InstanceSucceeded || e instanceof InstanceFailed);

        Harness.send(Topics.JOB_EVENTS, TerminateJob.of(job, "terminated"));
        assertThat(assertTerminated(job, 1, 2).startedAt()).isNotNull();
        await().atMost(SHORT).until(() -> Harness.processesOfJob(job).isEmpty());
    }

    private static void awaitRunning(String job, int index, int attempt) {
        await().atMost(SHORT)
                .until(
                        () ->
                                harness.events(job, "I", index, attempt).stream()
                                        .anyMatch(e -> e instanceof InstanceRunning));
    }

    private static InstanceFailed assertTerminated(String job, int index, int attempt) {
        InstanceFailed end = (InstanceFailed) harness.awaitFinal(job, "I", index, attempt, SHORT);
        assertThat(end.kind()).isEqualTo(FailureKind.TERMINATED);
        return end;
    }

    private static TaskSpec withCommand(String command) {
        return Harness.task(
                "c20-index.json", t -> ((ObjectNode) t.get("Application")).put("Command", command));
    }
}
