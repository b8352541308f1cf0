package dev.drover.provisioner.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.TerminateJob;
import dev.drover.provisioner.queue.Dispatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code drover.job.events} for TerminateJob; every other job event is none of the
 * provisioner's business (a RetryJob needs nothing here: its work is released after the terminate
 * and so is not stopped by it). The terminate is journaled before the record is acknowledged.
 */
@ApplicationScoped
public class JobEventConsumer {

    private static final Logger LOG = Logger.getLogger(JobEventConsumer.class);

    @Inject Dispatcher dispatcher;

    @Incoming("job-events")
    @Blocking
    public void onJobEvent(String value) {
        JobEvent event;
        try {
            event = EventCodec.decode(value, JobEvent.class);
        } catch (RuntimeException e) {
            LOG.warnf("skipping malformed job event: %s", e.getMessage());
            return;
        }
        if (event instanceof TerminateJob terminate) {
            LOG.infof("jobId=%s TerminateJob received", terminate.jobId());
            Instant decidedAt =
                    terminate.occurredAt() == null ? Instant.now() : terminate.occurredAt();
            dispatcher.terminate(terminate.jobId(), terminate.reason(), decidedAt);
        }
    }
}
