package dev.drover.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateTest {

    @ParameterizedTest
    @EnumSource(
            value = State.class,
            names = {"SUCCEED", "FAILED", "FAILED_INTERRUPTED"})
    void terminalStateIsNeverLeft(State terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (State next : State.values()) {
            assertThat(terminal.canMoveTo(next)).as("%s -> %s", terminal, next).isFalse();
        }
    }

    @Test
    void runningMayFinishEitherWay() {
        assertThat(State.RUNNING.canMoveTo(State.SUCCEED)).isTrue();
        assertThat(State.RUNNING.canMoveTo(State.FAILED)).isTrue();
        assertThat(State.RUNNING.canMoveTo(State.PENDING)).isFalse();
    }

    @Test
    void pendingTaskMayFailWithoutRunningWhenItsUpstreamFailed() {
        assertThat(State.PENDING.canMoveTo(State.FAILED)).isTrue();
    }

    @Test
    void onlyAnExplicitRetryReopensAFailedAggregate() {
        assertThat(State.FAILED.canMoveTo(State.RUNNABLE, State.RETRY_REASON)).isTrue();
        assertThat(State.FAILED.canMoveTo(State.PENDING, State.RETRY_REASON)).isTrue();
        assertThat(State.FAILED.canMoveTo(State.RUNNABLE, "redelivered")).isFalse();
        assertThat(State.SUCCEED.canMoveTo(State.RUNNABLE, State.RETRY_REASON)).isFalse();
    }

    @Test
    void illegalMoveNamesSubjectAndBothStates() {
        assertThatThrownBy(() -> State.SUCCEED.moveTo(State.RUNNING, "task T of job-x"))
                .hasMessage("illegal transition of task T of job-x from SUCCEED to RUNNING");
    }
}
