package dev.drover.contract.spec;

/** When a successor task may be released. */
public enum DependOn {
    /** Every instance of every predecessor succeeded (the default). */
    PRE_TASK_SUCCEED,
    /** Every predecessor has at least one succeeded instance and none is still running. */
    PRE_TASK_AT_LEAST_PARTLY_SUCCEED,
    /** Every predecessor finished, whatever its outcome. */
    PRE_TASK_FINISHED
}
