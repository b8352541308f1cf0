package dev.drover.contract.spec;

/** What happens to the machine of an instance whose last attempt failed. */
public enum FailedAction {
    /** Release it (the default). */
    TERMINATE,
    /** Keep it for inspection; the instance ends FAILED_INTERRUPTED. */
    INTERRUPT,
    /** As INTERRUPT, without waiting for the remaining instances. */
    FAST_INTERRUPT
}
