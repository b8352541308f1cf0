package dev.drover.scheduler.messaging;

import dev.drover.contract.Topics;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.kafka.RecordLoop;
import dev.drover.scheduler.store.Inbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consumes the scheduler's two input topics in batches, each with a {@link RecordLoop} whose
 * polling thread runs the batch's database transaction itself; offsets are committed only after
 * that transaction committed, so a crash redelivers what was not committed, and the core recognises
 * whatever of it was. Instance events are on the path of every edge of a DAG, and a job's first
 * release waits for its JobAccepted: SmallRye channels delayed the first by milliseconds per hop
 * and the second by up to a second.
 */
@ApplicationScoped
public class InputConsumers {

    private final Inbox inbox;
    private final OutboxRelay relay;
    private final String bootstrapServers;
    private final List<RecordLoop> loops = new ArrayList<>();

    InputConsumers(
            Inbox inbox,
            OutboxRelay relay,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.inbox = inbox;
        this.relay = relay;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts once the database is migrated. */
    void start(@Observes StartupEvent event) {
        // Reports from the provisioner: a batch of up to 2,000 is one transaction.
        loops.add(
                RecordLoop.start(
                        "instance-events",
                        config(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)),
                        Topics.INSTANCE_EVENTS,
                        records -> handle(records, InstanceEvent.class)));
        // JobAccepted parts (up to a few MB each), TerminateJob and RetryJob; the scheduler's own
        // state changes on the topic are skipped.
        loops.add(
                RecordLoop.start(
                        "job-events",
                        config(
                                Map.of(
                                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                        500,
                                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                                        16 * 1024 * 1024)),
                        Topics.JOB_EVENTS,
                        records -> handle(records, JobEvent.class)));
    }

    /** Stops before the relay and the datasource go (this bean's observers run first). */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        loops.forEach(RecordLoop::close);
    }

    private Map<String, Object> config(Map<String, Object> specific) {
        Map<String, Object> config = new HashMap<>(specific);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "drover-scheduler");
        // A crashed member's partitions move to its replacement after 10 s (Kafka's default 45).
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        return config;
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
