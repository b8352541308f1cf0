package dev.drover.scheduler.store;

import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.scheduler.dag.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * The one place the shell logs and counts what the core decided: INFO per state change, DEBUG per
 * ignored input, every line in the {@code jobId= task= instance= attempt=} shape.
 */
final class DecisionLog {

    private static final Logger LOG = Logger.getLogger("dev.drover.scheduler");

    private final MeterRegistry meters;

    DecisionLog(MeterRegistry meters) {
        this.meters = meters;
    }

    void applied(Decision decision) {
        for (Event event : decision.events()) {
            if (event instanceof TaskStateChanged move) {
                LOG.infof(
                        "jobId=%s task=%s task %s -> %s%s",
                        move.jobId(), move.taskName(), move.from(), move.to(), why(move.reason()));
            } else if (event instanceof JobStateChanged move) {
                LOG.infof(
                        "jobId=%s job %s -> %s%s",
                        move.jobId(), move.from(), move.to(), why(move.reason()));
            } else if (event instanceof TaskReady ready && LOG.isDebugEnabled()) {
                LOG.debugf(
                        "jobId=%s task=%s attempt=%d released indexes %s",
                        ready.jobId(),
                        ready.taskName(),
                        ready.attempt(),
                        ready.instanceIndexes().size() > 20
                                ? ready.instanceIndexes().size() + " indexes"
                                : ready.instanceIndexes());
            }
        }
        meters.counter("drover.scheduler.inputs", "outcome", "applied").increment();
    }

    void ignored(Event input, String why) {
        meters.counter("drover.scheduler.inputs", "outcome", "ignored").increment();
        if (input == null || !LOG.isDebugEnabled()) {
            return;
        }
        LOG.debugf("%s %s ignored: %s", subject(input), input.getClass().getSimpleName(), why);
    }

    void buffered(Event input) {
        meters.counter("drover.scheduler.inputs", "outcome", "buffered").increment();
        LOG.debugf("%s %s kept until the job is known", subject(input), kind(input));
    }

    void failed(Event input, RuntimeException e) {
        meters.counter("drover.scheduler.inputs", "outcome", "failed").increment();
        LOG.errorf(e, "%s %s skipped: the core failed on it", subject(input), kind(input));
    }

    private static String kind(Event input) {
        return input.getClass().getSimpleName();
    }

    private static String subject(Event input) {
        if (input instanceof InstanceEvent report) {
            return "jobId=%s task=%s instance=%d attempt=%d"
                    .formatted(
                            report.jobId(),
                            report.taskName(),
                            report.instanceIndex(),
                            report.attempt());
        }
        return "jobId=" + input.jobId();
    }

    private static String why(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }
}
