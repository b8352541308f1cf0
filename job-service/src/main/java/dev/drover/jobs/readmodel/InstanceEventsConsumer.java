package dev.drover.jobs.readmodel;

import dev.drover.contract.event.InstanceEnded;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.jobs.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code drover.instance.events} into the instance rows, a batch at a time: a task of
 * 10,000 instances produces 30,000 events, so one transaction per batch (one locking read, one
 * update) rather than per event. The batch is acknowledged after it commits.
 */
@ApplicationScoped
public class InstanceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(InstanceEventsConsumer.class);

    private final Database database;
    private final InstanceStore store = new InstanceStore();
    private final EmptyLogRows emptyLogs = new EmptyLogRows();
    private final MeterRegistry metrics;

    public InstanceEventsConsumer(Database database, MeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Incoming("instance-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<InstanceEvent> events = Decoded.all(records, InstanceEvent.class);
        if (!events.isEmpty()) {
            Retries.untilStored(
                    "batch of " + events.size() + " instance events", () -> apply(events));
        }
    }

    /** Applies {@code events} in their order; the rows are read, decided on, then written. */
    void apply(List<InstanceEvent> events) {
        database.inTransaction(
                connection -> {
                    Map<InstanceKey, InstanceRow> rows =
                            store.lock(
                                    connection,
                                    events.stream().map(InstanceKey::of).distinct().toList());
                    Map<InstanceKey, InstanceRow> changed = decide(rows, events);
                    store.update(connection, changed);
                    // Also from ends the state machine ignored (a redelivery): what a final event
                    // says of its attempt's streams is true whatever the instance did since.
                    emptyLogs.insert(
                            connection,
                            events.stream()
                                    .filter(InstanceEnded.class::isInstance)
                                    .map(InstanceEnded.class::cast)
                                    .toList());
                    return null;
                });
    }

    private Map<InstanceKey, InstanceRow> decide(
            Map<InstanceKey, InstanceRow> rows, List<InstanceEvent> events) {
        Map<InstanceKey, InstanceRow> changed = new LinkedHashMap<>();
        for (InstanceEvent event : events) {
            InstanceKey key = InstanceKey.of(event);
            InstanceRow row = changed.getOrDefault(key, rows.get(key));
            if (row == null) {
                LOG.debugf(
                        "jobId=%s task=%s instance=%d attempt=%d: no such instance, skipped",
                        event.jobId(), event.taskName(), event.instanceIndex(), event.attempt());
                continue;
            }
            Optional<InstanceRow> next = InstanceTransitions.apply(row, event);
            if (next.isEmpty()) {
                metrics.counter("drover.readmodel.ignored", "kind", "instance").increment();
                LOG.debugf(
                        "jobId=%s task=%s instance=%d attempt=%d: %s ignored in state %s attempt %d",
                        event.jobId(),
                        event.taskName(),
                        event.instanceIndex(),
                        event.attempt(),
                        event.getClass().getSimpleName(),
                        row.state(),
                        row.attempts());
                continue;
            }
            changed.put(key, next.get());
            // DEBUG: the provisioner logs each attempt's states at INFO where they happen.
            LOG.debugf(
                    "jobId=%s task=%s instance=%d attempt=%d: %s -> %s",
                    event.jobId(),
                    event.taskName(),
                    event.instanceIndex(),
                    event.attempt(),
                    row.state(),
                    next.get().state());
        }
        return changed;
    }
}
