package dev.drover.jobs.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.State;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstanceTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:05Z");
    private static final InstanceRow NEW =
            new InstanceRow(State.RUNNABLE, 0, null, null, null, null);

    @Test
    void firstAttemptMovesThroughItsStates() {
        InstanceRow starting =
                InstanceTransitions.apply(NEW, InstanceStarting.of("j", "T", 0, 1)).orElseThrow();
        InstanceRow running =
                InstanceTransitions.apply(starting, InstanceRunning.of("j", "T", 0, 1, T0))
                        .orElseThrow();
        InstanceRow done =
                InstanceTransitions.apply(running, InstanceSucceeded.of("j", "T", 0, 1, T0, T1))
                        .orElseThrow();
        assertThat(done).isEqualTo(new InstanceRow(State.SUCCEED, 1, 0, null, T0, T1));
    }

    @Test
    void duplicateSuccessChangesNothing() {
        InstanceRow done = new InstanceRow(State.SUCCEED, 1, 0, null, T0, T1);
        assertThat(InstanceTransitions.apply(done, InstanceSucceeded.of("j", "T", 0, 1, T0, T1)))
                .isEmpty();
    }

    @Test
    void lateEventOfTheSameAttemptNeverMovesATerminalStateBack() {
        InstanceRow failed = new InstanceRow(State.FAILED, 1, 1, "EXIT_CODE", T0, T1);
        assertThat(InstanceTransitions.apply(failed, InstanceRunning.of("j", "T", 0, 1, T0)))
                .isEmpty();
        InstanceRow running = new InstanceRow(State.RUNNING, 1, null, null, T0, null);
        assertThat(InstanceTransitions.apply(running, InstanceStarting.of("j", "T", 0, 1)))
                .isEmpty();
    }

    @Test
    void eventOfAnOlderAttemptNeverOverridesANewerOne() {
        InstanceRow second = new InstanceRow(State.RUNNING, 2, null, null, T1, null);
        InstanceFailed first =
                InstanceFailed.of("j", "T", 0, 1, FailureKind.EXIT_CODE, 1, "exit 1", T0, T0);
        assertThat(InstanceTransitions.apply(second, first)).isEmpty();
    }

    @Test
    void newerAttemptReopensAFailedInstanceAndCountsIt() {
        InstanceRow failed = new InstanceRow(State.FAILED, 1, 1, "EXIT_CODE", T0, T1);
        InstanceRow retried =
                InstanceTransitions.apply(failed, InstanceStarting.of("j", "T", 0, 2))
                        .orElseThrow();
        assertThat(retried).isEqualTo(new InstanceRow(State.STARTING, 2, null, null, null, null));
    }

    @Test
    void succeededIndexIsNeverReRun() {
        InstanceRow done = new InstanceRow(State.SUCCEED, 1, 0, null, T0, T1);
        assertThat(InstanceTransitions.apply(done, InstanceStarting.of("j", "T", 0, 2))).isEmpty();
    }

    @Test
    void interruptedFailureKeepsTheInstanceForInspection() {
        InstanceRow running = new InstanceRow(State.RUNNING, 1, null, null, T0, null);
        InstanceFailed interrupted =
                InstanceFailed.of("j", "T", 0, 1, FailureKind.INTERRUPTED, 3, "kept", T0, T1);
        InstanceRow row = InstanceTransitions.apply(running, interrupted).orElseThrow();
        assertThat(row.state()).isEqualTo(State.FAILED_INTERRUPTED);
        assertThat(row.exitCode()).isEqualTo(3);
        assertThat(row.reason()).isEqualTo("INTERRUPTED: kept");
    }

    @Test
    void requeuedAttemptWaitsRunnableWithItsReasonAndStartsAgainWithTheSameNumber() {
        InstanceRow starting = new InstanceRow(State.STARTING, 1, null, null, null, null);
        InstanceRow waiting =
                InstanceTransitions.apply(
                                starting,
                                InstanceRequeued.of(
                                        "j", "T", 0, 1, "LimitExceeded.InstanceQuota: full"))
                        .orElseThrow();
        assertThat(waiting)
                .isEqualTo(
                        new InstanceRow(
                                State.RUNNABLE,
                                1,
                                null,
                                "LimitExceeded.InstanceQuota: full",
                                null,
                                null));

        InstanceRow again =
                InstanceTransitions.apply(waiting, InstanceStarting.of("j", "T", 0, 1))
                        .orElseThrow();
        assertThat(again).isEqualTo(new InstanceRow(State.STARTING, 1, null, null, null, null));
    }

    @Test
    void lateRequeuedNeverMovesARunningOrFinishedAttemptBack() {
        InstanceRequeued late = InstanceRequeued.of("j", "T", 0, 1, "quota");
        InstanceRow running = new InstanceRow(State.RUNNING, 1, null, null, T0, null);
        assertThat(InstanceTransitions.apply(running, late)).isEmpty();
        InstanceRow failed = new InstanceRow(State.FAILED, 1, 1, "EXIT_CODE", T0, T1);
        assertThat(InstanceTransitions.apply(failed, late)).isEmpty();
    }
}
