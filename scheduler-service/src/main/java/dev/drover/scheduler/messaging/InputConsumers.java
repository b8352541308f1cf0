package dev.drover.scheduler.messaging;

import dev.drover.contract.Topics;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.kafka.RecordLoop;
import dev.drover.scheduler.store.Inbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the scheduler's two input topics in batches. Each batch is one database transaction; its
 * offsets are committed only after that transaction committed, so a crash redelivers exactly what
 * was not committed, and the core recognises whatever of it was.
 *
 * <p>Instance events, which every edge of a DAG waits for, are polled by a {@link RecordLoop} whose
 * thread runs the transaction itself: SmallRye's hand-off from its polling thread to a worker cost
 * an edge several milliseconds. Job events (a job's parts, terminate, retry) stay a SmallRye
 * channel.
 */
@ApplicationScoped
public class InputConsumers {

    private final Inbox inbox;
    private final OutboxRelay relay;
    private final String bootstrapServers;
    private final int maxPollRecords;
    private RecordLoop instanceEvents;

    InputConsumers(
            Inbox inbox,
            OutboxRelay relay,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(
                            name = "drover.scheduler.instance-events.max-poll-records",
                            defaultValue = "2000")
                    int maxPollRecords) {
        this.inbox = inbox;
        this.relay = relay;
        this.bootstrapServers = bootstrapServers;
        this.maxPollRecords = maxPollRecords;
    }

    /** Starts on reports from the provisioner once the database is migrated. */
    void start(@Observes StartupEvent event) {
        instanceEvents =
                RecordLoop.start(
                        "instance-events",
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "drover-scheduler",
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                maxPollRecords,
                                // As the SmallRye channels: a crashed member is replaced in 10 s.
                                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                                10_000),
                        Topics.INSTANCE_EVENTS,
                        records -> handle(records, InstanceEvent.class));
    }

    /** Stops before the relay and the datasource go (this bean's observers run first). */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (instanceEvents != null) {
            instanceEvents.close();
        }
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
