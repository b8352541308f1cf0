package dev.drover.jobs.readmodel;

import dev.drover.contract.event.LogsArchived;
import dev.drover.jobs.store.Database;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records where each attempt's stdout and stderr were archived ({@code drover.logs.archived}). An
 * upsert per (instance, attempt, stream): a redelivered event writes the same row again.
 */
@ApplicationScoped
public class LogsArchivedConsumer {

    private static final Logger LOG = Logger.getLogger(LogsArchivedConsumer.class);

    private static final String UPSERT =
            "insert into archived_log (job_id, task_name, idx, attempt, stream, uri, size, sha256)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (job_id, task_name, idx, attempt, stream) do update"
                    + " set uri = excluded.uri, size = excluded.size, sha256 = excluded.sha256";

    private final Database database;

    public LogsArchivedConsumer(Database database) {
        this.database = database;
    }

    @Incoming("logs-archived")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<LogsArchived> events =
                Decoded.all(records, LogsArchived.class).stream()
                        .filter(e -> e.stream() != null && e.uri() != null && e.taskName() != null)
                        .toList();
        if (!events.isEmpty()) {
            Retries.untilStored(
                    "batch of " + events.size() + " archived logs", () -> apply(events));
        }
    }

    void apply(List<LogsArchived> events) {
        database.inTransaction(
                connection -> {
                    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                        for (LogsArchived event : events) {
                            upsert.setString(1, event.jobId());
                            upsert.setString(2, event.taskName());
                            upsert.setInt(3, event.instanceIndex());
                            upsert.setInt(4, event.attempt());
                            upsert.setString(5, event.stream().label());
                            upsert.setString(6, event.uri());
                            upsert.setLong(7, event.size());
                            upsert.setString(8, event.sha256());
                            upsert.addBatch();
                            LOG.debugf(
                                    "jobId=%s task=%s instance=%d attempt=%d: %s archived at %s",
                                    event.jobId(),
                                    event.taskName(),
                                    event.instanceIndex(),
                                    event.attempt(),
                                    event.stream().label(),
                                    event.uri());
                        }
                        upsert.executeBatch();
                    }
                    return null;
                });
    }
}
