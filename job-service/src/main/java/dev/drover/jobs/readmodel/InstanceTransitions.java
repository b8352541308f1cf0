package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import java.util.Optional;

/**
 * Decides how one instance event changes an instance row. Pure, so the rules are tested without a
 * database:
 *
 * <ul>
 *   <li>an event of an older attempt than the row's is stale and changes nothing;
 *   <li>an event of a newer attempt starts that attempt afresh, whatever the row's state (a retry
 *       leaves FAILED this way), except that a SUCCEED index is never re-run;
 *   <li>an event of the row's own attempt applies only if the state machine allows the move, so a
 *       duplicate or a late event never moves a terminal state back;
 *   <li>InstanceRequeued moves only a STARTING attempt back to RUNNABLE (it found no machine).
 * </ul>
 */
public final class InstanceTransitions {

    private InstanceTransitions() {}

    /** The row after {@code event}, or empty when the event is a duplicate or stale. */
    public static Optional<InstanceRow> apply(InstanceRow row, InstanceEvent event) {
        State next = stateOf(event);
        if (event.attempt() < row.attempts() || row.state() == State.SUCCEED) {
            return Optional.empty();
        }
        InstanceRow base = row;
        if (event.attempt() > row.attempts()) {
            base = new InstanceRow(row.state(), event.attempt(), null, null, null, null);
        } else if (!row.state().canMoveTo(next) || requeuedWhileNotStarting(row, event)) {
            return Optional.empty();
        }
        return Optional.of(fill(base, next, event));
    }

    /** Only an attempt still looking for its machine goes back in line; one that ran never. */
    private static boolean requeuedWhileNotStarting(InstanceRow row, InstanceEvent event) {
        return event instanceof InstanceRequeued && row.state() != State.STARTING;
    }

    static State stateOf(InstanceEvent event) {
        if (event instanceof InstanceStarting) {
            return State.STARTING;
        }
        if (event instanceof InstanceRequeued) {
            return State.RUNNABLE;
        }
        if (event instanceof InstanceRunning) {
            return State.RUNNING;
        }
        if (event instanceof InstanceSucceeded) {
            return State.SUCCEED;
        }
        InstanceFailed failed = (InstanceFailed) event;
        return failed.kind() == FailureKind.INTERRUPTED ? State.FAILED_INTERRUPTED : State.FAILED;
    }

    private static InstanceRow fill(InstanceRow base, State next, InstanceEvent event) {
        if (event instanceof InstanceRequeued requeued) {
            // Back in line for a machine: the reason says why and when it is tried again.
            return new InstanceRow(next, base.attempts(), null, requeued.reason(), null, null);
        }
        if (event instanceof InstanceRunning running) {
            return new InstanceRow(next, base.attempts(), null, null, running.startedAt(), null);
        }
        if (event instanceof InstanceSucceeded done) {
            return new InstanceRow(
                    next, base.attempts(), 0, null, done.startedAt(), done.endedAt());
        }
        if (event instanceof InstanceFailed failed) {
            return new InstanceRow(
                    next,
                    base.attempts(),
                    failed.exitCode(),
                    reasonOf(failed),
                    failed.startedAt() == null ? base.startTime() : failed.startedAt(),
                    failed.endedAt());
        }
        return new InstanceRow(next, base.attempts(), null, null, null, null);
    }

    private static String reasonOf(InstanceFailed failed) {
        String kind = failed.kind() == null ? "FAILED" : failed.kind().name();
        return failed.reason() == null || failed.reason().isBlank()
                ? kind
                : kind + ": " + failed.reason();
    }
}
