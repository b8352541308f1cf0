package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.jobs.readmodel.TaskStore.TaskKey;
import dev.drover.jobs.readmodel.TaskStore.TaskMove;
import dev.drover.jobs.store.Database;
import dev.drover.jobs.store.Rows;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code drover.task.events} into the task rows, a batch per transaction ({@link
 * TaskStore}). A move the state machine refuses (a duplicate or late event) is counted and skipped.
 * Two moves also reach the task's instances:
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

    private static final String FAIL_WAITING =
            "update instance set state = 'FAILED', state_reason = ?, end_time = ?"
                    + " where job_id = ? and task_name = ?"
                    + " and state in ('SUBMITTED', 'PENDING', 'RUNNABLE')";
    private static final String REOPEN_FAILED =
            "update instance set state = ?, state_reason = ?, end_time = null"
                    + " where job_id = ? and task_name = ? and state = 'FAILED'";

    private final Database database;
    private final TaskStore store = new TaskStore();
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

    /**
     * Applies {@code events} in their order: the batch's task rows are locked and read at once,
     * each move is decided in memory, instance cascades run as they are decided, and the tasks'
     * rows are written in one statement.
     */
    void apply(List<TaskStateChanged> events) {
        database.inTransaction(
                connection -> {
                    Map<TaskKey, State> states =
                            store.lock(
                                    connection,
                                    events.stream()
                                            .map(e -> new TaskKey(e.jobId(), e.taskName()))
                                            .distinct()
                                            .toList());
                    Map<TaskKey, TaskMove> moves = new LinkedHashMap<>();
                    for (TaskStateChanged event : events) {
                        apply(connection, event, states, moves);
                    }
                    store.update(connection, moves);
                    return null;
                });
    }

    private void apply(
            Connection connection,
            TaskStateChanged event,
            Map<TaskKey, State> states,
            Map<TaskKey, TaskMove> moves)
            throws SQLException {
        TaskKey key = new TaskKey(event.jobId(), event.taskName());
        State current = states.get(key);
        if (current == null
                || event.to() == null
                || !current.canMoveTo(event.to(), event.reason())) {
            metrics.counter("drover.readmodel.ignored", "kind", "task").increment();
            LOG.debugf(
                    "jobId=%s task=%s: %s -> %s ignored in state %s",
                    event.jobId(), event.taskName(), event.from(), event.to(), current);
            return;
        }
        states.put(key, event.to());
        TaskMove before = moves.get(key);
        Instant firstRunning = before == null ? null : before.firstRunning();
        if (firstRunning == null && event.to() == State.RUNNING) {
            firstRunning = event.occurredAt();
        }
        Instant end = event.to().isTerminal() ? event.occurredAt() : null;
        moves.put(key, new TaskMove(event.to(), event.reason(), firstRunning, end));
        if (event.to() == State.FAILED) {
            cascade(connection, FAIL_WAITING, event, reasonOrDefault(event), event.occurredAt());
        } else if (current == State.FAILED) {
            cascade(connection, REOPEN_FAILED, event, event.to().name(), State.RETRY_REASON);
        }
        // DEBUG: the scheduler, which decides the move, logs it at INFO.
        LOG.debugf(
                "jobId=%s task=%s: %s -> %s%s",
                event.jobId(),
                event.taskName(),
                current,
                event.to(),
                event.reason() == null ? "" : " (" + event.reason() + ")");
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
