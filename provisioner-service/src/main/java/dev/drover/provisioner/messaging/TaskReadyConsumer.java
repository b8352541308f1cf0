package dev.drover.provisioner.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.kafka.RecordLoop;
import dev.drover.provisioner.queue.Dispatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes {@code drover.task.ready} with a {@link RecordLoop}: every edge of a DAG waits for this
 * hop, and the loop's thread journals the attempts itself rather than handing each record from a
 * polling thread to a worker. A batch's offsets are committed after its attempts are in the
 * journal: a redelivery then finds them and does nothing.
 */
@ApplicationScoped
public class TaskReadyConsumer {

    private static final Logger LOG = Logger.getLogger(TaskReadyConsumer.class);

    @Inject Dispatcher dispatcher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private RecordLoop loop;

    /** Starts after the journal's recovery ran (Lifecycle observes startup first). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        loop =
                RecordLoop.start(
                        "task-ready",
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "drover-provisioner",
                                // TaskReady carries a whole task spec; a huge EnvVars list can
                                // reach a few MB.
                                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                                10 * 1024 * 1024,
                                // A crashed member's partitions move on after 10 s.
                                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                                10_000),
                        Topics.TASK_READY,
                        batch -> batch.forEach(record -> onTaskReady(record.value())));
    }

    /** Stops taking work first, before the attempts are shut down. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    void onTaskReady(String value) {
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
        try {
            dispatcher.submit(ready);
        } catch (UncheckedIOException e) {
            // The journal cannot be written: the loop retries the batch, nothing is acknowledged.
            throw e;
        } catch (RuntimeException e) {
            // A record no attempt can be made of would otherwise come back forever.
            LOG.errorf(
                    e,
                    "jobId=%s task=%s attempt=%d: skipping a TaskReady that cannot be accepted",
                    ready.jobId(),
                    ready.taskName(),
                    ready.attempt());
        }
    }
}
