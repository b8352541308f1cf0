package dev.drover.scheduler.messaging;

import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobEvent;
import dev.drover.scheduler.store.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the scheduler's two input topics in batches. Each batch is one database transaction; the
 * method returns (and SmallRye acknowledges the batch, committing its offsets) only after that
 * transaction committed, so a crash redelivers exactly what was not committed, and the core
 * recognises whatever of it was.
 */
@ApplicationScoped
public class InputConsumers {

    private final Inbox inbox;
    private final OutboxRelay relay;

    InputConsumers(Inbox inbox, OutboxRelay relay) {
        this.inbox = inbox;
        this.relay = relay;
    }

    /** Reports from the provisioner. */
    @Incoming("instance-events")
    @Blocking(ordered = true)
    public void instanceEvents(ConsumerRecords<String, String> records)
            throws InterruptedException {
        handle(records, InstanceEvent.class);
    }

    /** JobAccepted parts, TerminateJob and RetryJob (state changes on the topic are skipped). */
    @Incoming("job-events")
    @Blocking(ordered = true)
    public void jobEvents(ConsumerRecords<String, String> records) throws InterruptedException {
        handle(records, JobEvent.class);
    }

    private void handle(
            ConsumerRecords<String, String> records,
            Class<? extends dev.drover.contract.event.Event> type)
            throws InterruptedException {
        if (inbox.handle(InputRecords.decode(records, type)) > 0) {
            relay.kick();
        }
    }
}
