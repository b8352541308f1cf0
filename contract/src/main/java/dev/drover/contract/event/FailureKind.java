package dev.drover.contract.event;

/** Why an attempt failed; decides whether another attempt may help. */
public enum FailureKind {
    /** The command exited non-zero. */
    EXIT_CODE(true),
    /** The attempt ran longer than the task's Timeout and was killed. */
    TIMEOUT(true),
    /** Inputs, package or machine could not be prepared. */
    SETUP(true),
    /** The command succeeded but its OutputMappings could not be uploaded. */
    OUTPUT_UPLOAD(true),
    /** The provisioner running it died; found on restart and killed. */
    NODE_LOST(true),
    /**
     * The provisioner accepted the attempt but stopped (or died) before starting it: nothing ran,
     * so the scheduler releases the index again without spending its MaxRetryCount.
     */
    NOT_STARTED(true),
    /** The job was terminated: never retried. */
    TERMINATED(false),
    /** Failed and kept for inspection (FailedAction INTERRUPT): never retried. */
    INTERRUPTED(false);

    private final boolean retriable;

    FailureKind(boolean retriable) {
        this.retriable = retriable;
    }

    /** Whether the scheduler may spend another attempt on this instance. */
    public boolean retriable() {
        return retriable;
    }
}
