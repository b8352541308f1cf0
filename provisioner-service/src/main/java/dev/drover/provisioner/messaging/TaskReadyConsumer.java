package dev.drover.provisioner.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.TaskReady;
import dev.drover.provisioner.queue.Dispatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code drover.task.ready}. The record is acknowledged when this method returns, which is
 * after its attempts are in the journal: a redelivery then finds them and does nothing.
 */
@ApplicationScoped
public class TaskReadyConsumer {

    private static final Logger LOG = Logger.getLogger(TaskReadyConsumer.class);

    @Inject Dispatcher dispatcher;

    @Incoming("task-ready")
    @Blocking
    public void onTaskReady(String value) {
        TaskReady ready;
        try {
            ready = EventCodec.decode(value, TaskReady.class);
        } catch (RuntimeException e) {
            LOG.warnf("skipping malformed TaskReady: %s", e.getMessage());
            return;
        }
        if (ready == null || ready.task() == null || ready.instanceIndexes() == null) {
            LOG.warnf("skipping TaskReady without task or instances");
            return;
        }
        LOG.debugf(
                "in TaskReady jobId=%s task=%s attempt=%d instances=%s",
                ready.jobId(), ready.taskName(), ready.attempt(), ready.instanceIndexes());
        dispatcher.submit(ready);
    }
}
