package dev.drover.scheduler.dag;

import dev.drover.contract.State;
import dev.drover.contract.spec.DependOn;

/** When a settled predecessor lets its successor run (the job's TaskExecutionDependOn). */
final class ReleaseRule {

    private ReleaseRule() {}

    /** Whether {@code pred}, settled, allows its successors to run under {@code rule}. */
    static boolean allows(DependOn rule, TaskRow pred) {
        return switch (rule == null ? DependOn.PRE_TASK_SUCCEED : rule) {
            case PRE_TASK_SUCCEED -> pred.state() == State.SUCCEED;
            case PRE_TASK_FINISHED -> pred.state().isTerminal();
            case PRE_TASK_AT_LEAST_PARTLY_SUCCEED ->
                    pred.state().isTerminal() && pred.succeeded() > 0;
        };
    }
}
