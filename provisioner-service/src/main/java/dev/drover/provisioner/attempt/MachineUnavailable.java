package dev.drover.provisioner.attempt;

import dev.drover.contract.event.FailureKind;
import java.time.Duration;

/**
 * The attempt's machine could not be created for a reason that waiting may cure (quota, sold out,
 * throttling), after the task's ResourceMaxRetryCount retries. The job's StateIfCreateCvmFailed
 * decides what follows: FAILED fails the attempt with kind SETUP and this reason; RUNNABLE puts it
 * back in line, without a slot, for {@link #retryAfter()}.
 */
public final class MachineUnavailable extends AttemptFailure {

    private final Duration retryAfter;

    /**
     * @param reason the cloud's error, starting with its code
     * @param retryAfter how long an attempt that waits stays out of line before it tries again
     */
    public MachineUnavailable(String reason, Duration retryAfter, Throwable cause) {
        super(FailureKind.SETUP, reason, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
