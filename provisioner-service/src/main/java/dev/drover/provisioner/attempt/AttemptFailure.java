package dev.drover.provisioner.attempt;

import dev.drover.contract.event.FailureKind;

/** An attempt could not be prepared or finished; carries the kind reported to the scheduler. */
public class AttemptFailure extends Exception {

    private final FailureKind kind;

    public AttemptFailure(FailureKind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public AttemptFailure(FailureKind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
