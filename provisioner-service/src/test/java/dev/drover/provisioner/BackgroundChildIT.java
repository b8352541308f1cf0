package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.Topics;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.TerminateJob;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An instance's processes end with it (a background child that closed its output, a process in a
 * group of its own), and one that left its session cannot hold the instance open.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class BackgroundChildIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void aBackgroundChildThatClosedItsOutputEndsWithTheInstance() throws Exception {
        Path marker = Files.createTempDirectory("drover-bg").resolve("leaked");
        String command =
                "echo before; exec >&- 2>&-; (sleep 20; echo leaked >> " + marker + ") & exit 0";
        String job = Harness.newJobId();
        Harness.release(
                job,
                1,
                1,
                List.of(0),
                Harness.task(
                        "c20-index.json",
                        t -> ((ObjectNode) t.get("Application")).put("Command", command)));

        assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)))
                .isEqualTo("before\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> Harness.processesOfJob(job).isEmpty());
        assertThat(marker).doesNotExist();
    }

    @Test
    void aTimeoutEndsAProcessThatMovedToAGroupOfItsOwn() {
        // GNU timeout puts itself and its command in a new group, inside the command's session.
        String job = Harness.newJobId();
        Harness.release(
                job, 1, 1, List.of(0), task("echo begin; timeout 60 sleep 60; echo after", 2));

        InstanceFailed failed =
                (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, Duration.ofSeconds(40));
        assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(Duration.between(failed.startedAt(), failed.endedAt()))
                .isLessThan(Duration.ofSeconds(20));
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)))
                .isEqualTo("begin\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> Harness.processesOfJob(job).isEmpty());
    }

    @Test
    void anOutputHeldByAProcessThatLeftTheSessionDoesNotHoldTheInstance() throws Exception {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task("echo start; setsid sleep 300 & echo end", 60));
        try {
            // Its own session: no kill reaches it, so its stream is cut off after the linger (2 s)
            // and the wait after the session's kill (10 s).
            assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT))
                    .isInstanceOf(InstanceSucceeded.class);
            assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)))
                    .isEqualTo("start\nend\n");
        } finally {
            for (long pid : Harness.processesOfJob(job)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void aTerminateEndsAnInstanceHeldOpenByAProcessThatLeftTheSession() throws Exception {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task("setsid sleep 300 & echo end", 60));
        try {
            // The shell exited and its stream is held: the attempt is draining.
            await().atMost(SHORT)
                    .until(() -> !harness.chunks(job, "I", 0, 1, LogStream.STDOUT).isEmpty());
            await().atMost(SHORT).until(() -> Harness.processesOfJob(job).size() == 1);
            Instant sent = Instant.now();
            Harness.send(Topics.JOB_EVENTS, TerminateJob.of(job, "terminated"));

            InstanceFailed end = (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, SHORT);
            assertThat(end.kind()).isEqualTo(FailureKind.TERMINATED);
            // Not the 2 s linger plus 10 s wait a stream gets before it is cut off unasked.
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (long pid : Harness.processesOfJob(job)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static TaskSpec task(String command, int timeoutSeconds) {
        return Harness.task(
                "c20-index.json",
                t -> {
                    ((ObjectNode) t.get("Application")).put("Command", command);
                    t.put("Timeout", timeoutSeconds);
                });
    }
}
