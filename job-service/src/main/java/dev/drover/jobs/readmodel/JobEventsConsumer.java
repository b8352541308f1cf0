package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.jobs.store.Database;
import dev.drover.jobs.store.Rows;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the JobStateChanged events on {@code drover.job.events} into the job rows (the topic's
 * other events are ours or commands, and are skipped). A move the state machine refuses is a
 * duplicate or a late event: counted, logged at DEBUG, skipped.
 */
@ApplicationScoped
public class JobEventsConsumer {

    private static final Logger LOG = Logger.getLogger(JobEventsConsumer.class);

    private static final String LOCK = "select state from job where id = ? for update";
    private static final String UPDATE =
            "update job set state = ?, state_reason = ?, end_time = ? where id = ?";

    private final Database database;
    private final MeterRegistry metrics;

    public JobEventsConsumer(Database database, MeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Incoming("job-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<JobStateChanged> events =
                Decoded.all(records, JobEvent.class).stream()
                        .filter(JobStateChanged.class::isInstance)
                        .map(JobStateChanged.class::cast)
                        .toList();
        if (!events.isEmpty()) {
            Retries.untilStored("batch of " + events.size() + " job events", () -> apply(events));
        }
    }

    void apply(List<JobStateChanged> events) {
        database.inTransaction(
                connection -> {
                    for (JobStateChanged event : events) {
                        apply(connection, event);
                    }
                    return null;
                });
    }

    private void apply(Connection connection, JobStateChanged event) throws SQLException {
        State current = lock(connection, event.jobId());
        if (current == null
                || event.to() == null
                || !current.canMoveTo(event.to(), event.reason())) {
            metrics.counter("drover.readmodel.ignored", "kind", "job").increment();
            LOG.debugf(
                    "jobId=%s: %s -> %s ignored in state %s",
                    event.jobId(), event.from(), event.to(), current);
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, event.to().name());
            update.setString(2, event.reason());
            update.setTimestamp(
                    3, event.to().isTerminal() ? Rows.timestamp(event.occurredAt()) : null);
            update.setString(4, event.jobId());
            update.executeUpdate();
        }
        LOG.infof(
                "jobId=%s: %s -> %s%s",
                event.jobId(),
                current,
                event.to(),
                event.reason() == null ? "" : " (" + event.reason() + ")");
    }

    private static State lock(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setString(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? State.valueOf(rs.getString(1)) : null;
            }
        }
    }
}
