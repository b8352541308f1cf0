package dev.drover.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one set of states shared by jobs, tasks and instances, spelled as Tencent BatchCompute spells
 * them. Each state knows the states it may be entered from, so every aggregate can reject an
 * illegal move with a precise message instead of silently corrupting its history.
 */
public enum State {
    /** Accepted and stored; nothing decided yet. */
    SUBMITTED,
    /** Waiting for predecessors to settle. */
    PENDING,
    /** Released, waiting for capacity. */
    RUNNABLE,
    /** Capacity found; the instance is being created and its inputs staged. */
    STARTING,
    /** The command runs. */
    RUNNING,
    /** Finished well. Terminal. */
    SUCCEED,
    /** Finished badly, never ran because an upstream failed, or was terminated. Terminal. */
    FAILED,
    /** Failed and kept for inspection (FailedAction INTERRUPT). Terminal. */
    FAILED_INTERRUPTED;

    /**
     * The reason carried by the one move that leaves a terminal state: a user's RetryJob reopening
     * a FAILED job, its FAILED tasks and their failed instances.
     */
    public static final String RETRY_REASON = "retry";

    /** Whether nothing but an explicit retry may move this aggregate out of the state again. */
    public boolean isTerminal() {
        return this == SUCCEED || this == FAILED || this == FAILED_INTERRUPTED;
    }

    /** Whether {@code next} may follow this state. Staying put is not a move and is not legal. */
    public boolean canMoveTo(State next) {
        return !isTerminal() && next.previous().contains(this);
    }

    /**
     * Whether a move carrying {@code reason} is legal: the normal moves, plus FAILED back to
     * PENDING or RUNNABLE when the reason is {@link #RETRY_REASON}.
     */
    public boolean canMoveTo(State next, String reason) {
        if (this == FAILED && RETRY_REASON.equals(reason)) {
            return next == PENDING || next == RUNNABLE;
        }
        return canMoveTo(next);
    }

    /**
     * Moves to {@code next} or throws with the from- and to-state, for callers that treat an
     * illegal move as a bug rather than as a stale event.
     */
    public State moveTo(State next, String subject) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException(
                    "illegal transition of " + subject + " from " + this + " to " + next);
        }
        return next;
    }

    private Set<State> previous() {
        return switch (this) {
            case SUBMITTED -> EnumSet.noneOf(State.class);
            case PENDING -> EnumSet.of(SUBMITTED);
            case RUNNABLE -> EnumSet.of(SUBMITTED, PENDING, STARTING, RUNNING);
            case STARTING -> EnumSet.of(SUBMITTED, PENDING, RUNNABLE);
            case RUNNING -> EnumSet.of(SUBMITTED, PENDING, RUNNABLE, STARTING);
            case SUCCEED, FAILED, FAILED_INTERRUPTED ->
                    EnumSet.of(SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING);
        };
    }
}
