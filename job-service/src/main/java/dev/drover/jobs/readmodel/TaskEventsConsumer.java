package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import dev.drover.contract.event.TaskStateChanged;
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
 * Follows {@code drover.task.events} into the task rows. A move the state machine refuses (a
 * duplicate or late event) is counted and skipped. Two moves also reach the task's instances:
 *
 * <ul>
 *   <li>a task that ends FAILED takes its instances that never started with it (FAILED, attempts
 *       unchanged, so 0 for a task that failed because an upstream did);
 *   <li>a retry (FAILED to PENDING/RUNNABLE, reason "retry") reopens its FAILED instances, which
 *       the next attempt's events then move on.
 * </ul>
 */
@ApplicationScoped
public class TaskEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TaskEventsConsumer.class);

    private static final String LOCK =
            "select state from task where job_id = ? and name = ? for update";
    private static final String UPDATE =
            "update task set state = ?, state_reason = ?,"
                    + " start_time = case when ? then coalesce(start_time, ?) else start_time end,"
                    + " end_time = ? where job_id = ? and name = ?";
    private static final String FAIL_WAITING =
            "update instance set state = 'FAILED', state_reason = ?, end_time = ?"
                    + " where job_id = ? and task_name = ?"
                    + " and state in ('SUBMITTED', 'PENDING', 'RUNNABLE')";
    private static final String REOPEN_FAILED =
            "update instance set state = ?, state_reason = ?, end_time = null"
                    + " where job_id = ? and task_name = ? and state = 'FAILED'";

    private final Database database;
    private final MeterRegistry metrics;

    public TaskEventsConsumer(Database database, MeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Incoming("task-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<TaskStateChanged> events = Decoded.all(records, TaskStateChanged.class);
        if (!events.isEmpty()) {
            Retries.untilStored("batch of " + events.size() + " task events", () -> apply(events));
        }
    }

    void apply(List<TaskStateChanged> events) {
        database.inTransaction(
                connection -> {
                    for (TaskStateChanged event : events) {
                        apply(connection, event);
                    }
                    return null;
                });
    }

    private void apply(Connection connection, TaskStateChanged event) throws SQLException {
        State current = lock(connection, event);
        if (current == null
                || event.to() == null
                || !current.canMoveTo(event.to(), event.reason())) {
            metrics.counter("drover.readmodel.ignored", "kind", "task").increment();
            LOG.debugf(
                    "jobId=%s task=%s: %s -> %s ignored in state %s",
                    event.jobId(), event.taskName(), event.from(), event.to(), current);
            return;
        }
        move(connection, event);
        if (event.to() == State.FAILED) {
            cascade(connection, FAIL_WAITING, event, reasonOrDefault(event), event.occurredAt());
        } else if (current == State.FAILED) {
            cascade(connection, REOPEN_FAILED, event, event.to().name(), State.RETRY_REASON);
        }
        LOG.infof(
                "jobId=%s task=%s: %s -> %s%s",
                event.jobId(),
                event.taskName(),
                current,
                event.to(),
                event.reason() == null ? "" : " (" + event.reason() + ")");
    }

    private static State lock(Connection connection, TaskStateChanged event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setString(1, event.jobId());
            select.setString(2, event.taskName());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? State.valueOf(rs.getString(1)) : null;
            }
        }
    }

    private static void move(Connection connection, TaskStateChanged event) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, event.to().name());
            update.setString(2, event.reason());
            update.setBoolean(3, event.to() == State.RUNNING);
            update.setTimestamp(4, Rows.timestamp(event.occurredAt()));
            update.setTimestamp(
                    5, event.to().isTerminal() ? Rows.timestamp(event.occurredAt()) : null);
            update.setString(6, event.jobId());
            update.setString(7, event.taskName());
            update.executeUpdate();
        }
    }

    private static void cascade(
            Connection connection, String sql, TaskStateChanged event, Object first, Object second)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, first);
            update.setObject(
                    2, second instanceof java.time.Instant at ? Rows.timestamp(at) : second);
            update.setString(3, event.jobId());
            update.setString(4, event.taskName());
            int moved = update.executeUpdate();
            LOG.debugf(
                    "jobId=%s task=%s: %d instances follow the task",
                    event.jobId(), event.taskName(), moved);
        }
    }

    private static String reasonOrDefault(TaskStateChanged event) {
        return event.reason() == null ? "task failed" : event.reason();
    }
}
