package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.localstack.LocalStackResource;
import dev.drover.provisioner.attempt.AttemptId;
import dev.drover.provisioner.attempt.Journal;
import dev.drover.provisioner.attempt.ProcessRef;
import dev.drover.provisioner.attempt.Recovery;
import dev.drover.provisioner.local.LeftoverReaper;
import dev.drover.provisioner.local.ProcFs;
import dev.drover.provisioner.messaging.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provisioner killed with -9 leaves commands and an open journal behind; the next start kills the
 * leftovers and reports them lost.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class RecoveryIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Inject EventPublisher publisher;

    @Test
    void leftoverSessionIsKilledAndReportedNodeLost() throws Exception {
        Path dir = Files.createTempDirectory("drover-journal");
        String job = Harness.newJobId();
        AttemptId id = new AttemptId(job, "T", 0, 1);
        Process leftover = startInOwnSession(id, System.currentTimeMillis() + 60_000, dir);
        List<ProcFs.Stat> session = ProcFs.sessionMembers(leftover.pid());
        // GNU timeout moved itself and its sleep to a group of their own, inside the session.
        assertThat(session).anySatisfy(s -> assertThat(s.pgid()).isNotEqualTo(leftover.pid()));

        // The restarted provisioner: a fresh journal over the same directory.
        try (Journal reopened = new Journal(dir, false, Duration.ofDays(1))) {
            assertThat(reopened.openEntries()).hasSize(1);
            new Recovery(reopened, publisher, new LeftoverReaper()).recover(a -> false);

            await().atMost(SHORT).until(() -> !leftover.isAlive());
            await().atMost(SHORT).until(() -> ProcFs.sessionMembers(leftover.pid()).isEmpty());
            InstanceFailed lost = (InstanceFailed) harness.awaitFinal(job, "T", 0, 1, SHORT);
            assertThat(lost.kind()).isEqualTo(FailureKind.NODE_LOST);
            assertThat(lost.reason()).isEqualTo("node lost");
            await().atMost(SHORT).until(() -> reopened.openEntries().isEmpty());
            assertThat(reopened.accept(id)).isFalse();
        }
    }

    @Test
    void leftoverPastItsDeadlineIsReportedAsTimeout() throws Exception {
        Path dir = Files.createTempDirectory("drover-journal");
        String job = Harness.newJobId();
        AttemptId id = new AttemptId(job, "T", 1, 3);
        Process leftover = startInOwnSession(id, System.currentTimeMillis() - 1_000, dir);

        try (Journal reopened = new Journal(dir, false, Duration.ofDays(1))) {
            new Recovery(reopened, publisher, new LeftoverReaper()).recover(a -> false);

            await().atMost(SHORT).until(() -> !leftover.isAlive());
            InstanceFailed late = (InstanceFailed) harness.awaitFinal(job, "T", 1, 3, SHORT);
            assertThat(late.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(late.reason()).contains("timeout");
        }
    }

    @Test
    void anAttemptStillInLineIsHandedBackNotStartedAndOneLaunchedIsReportedLost() throws Exception {
        Path dir = Files.createTempDirectory("drover-journal");
        String job = Harness.newJobId();
        AttemptId waiting = new AttemptId(job, "T", 0, 1);
        AttemptId launched = new AttemptId(job, "T", 1, 1);
        try (Journal journal = new Journal(dir, false, Duration.ofDays(1))) {
            journal.accept(waiting);
            journal.accept(launched);
            journal.launched(launched);
        }

        try (Journal reopened = new Journal(dir, false, Duration.ofDays(1))) {
            new Recovery(reopened, publisher, new LeftoverReaper()).recover(a -> false);

            InstanceFailed back = (InstanceFailed) harness.awaitFinal(job, "T", 0, 1, SHORT);
            assertThat(back.kind()).isEqualTo(FailureKind.NOT_STARTED);
            assertThat(back.startedAt()).isNull();
            InstanceFailed lost = (InstanceFailed) harness.awaitFinal(job, "T", 1, 1, SHORT);
            assertThat(lost.kind()).isEqualTo(FailureKind.NODE_LOST);
            await().atMost(SHORT).until(() -> reopened.openEntries().isEmpty());
            // A redelivered TaskReady of the handed-back attempt is still recognised.
            assertThat(reopened.accept(waiting)).isFalse();
        }
    }

    /**
     * Starts sleeps under a shell in its own session, one of them in a group of its own, and
     * journals it as a running attempt.
     */
    private static Process startInOwnSession(AttemptId id, long deadline, Path dir)
            throws Exception {
        Process process =
                new ProcessBuilder(
                                "setsid",
                                "/bin/sh",
                                "-c",
                                "sleep 300 & timeout 302 sleep 302 & sleep 301")
                        .start();
        // The shell, three sleeps and timeout.
        await().atMost(SHORT).until(() -> ProcFs.sessionMembers(process.pid()).size() >= 5);
        long ticks = ProcFs.stat(process.pid()).orElseThrow().startTicks();
        try (Journal journal = new Journal(dir, false, Duration.ofDays(1))) {
            assertThat(journal.accept(id)).isTrue();
            journal.running(
                    id,
                    new ProcessRef(process.pid(), process.pid(), ticks),
                    System.currentTimeMillis(),
                    deadline);
        }
        return process;
    }
}
