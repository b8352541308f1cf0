package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import dev.drover.jobs.store.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes task rows of the read model in sets: one SELECT ... FOR UPDATE and one UPDATE
 * per batch of task events, however many tasks it touches (a wide job moves 10,000 tasks three
 * times).
 */
final class TaskStore {

    /** A task of a job. */
    record TaskKey(String jobId, String name) {}

    /**
     * What a batch decided for one task: its last state, reason and end time, and the time of its
     * first move to RUNNING in the batch (kept only if the row has no start time yet).
     */
    record TaskMove(State state, String reason, Instant firstRunning, Instant endTime) {}

    private static final String LOCK =
            "select u.job_id, u.name, t.state"
                    + " from unnest(?::text[], ?::text[]) as u(job_id, name)"
                    + " join task t on t.job_id = u.job_id and t.name = u.name"
                    + " order by 1, 2 for update of t";
    private static final String UPDATE =
            "update task t set state = u.state, state_reason = u.reason,"
                    + " start_time = coalesce(t.start_time, u.first_running), end_time = u.end_time"
                    + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],"
                    + " ?::timestamptz[])"
                    + " as u(job_id, name, state, reason, first_running, end_time)"
                    + " where t.job_id = u.job_id and t.name = u.name";

    /** Locks the rows of {@code keys} and reads their states; keys without a row are absent. */
    Map<TaskKey, State> lock(Connection connection, List<TaskKey> keys) throws SQLException {
        Map<TaskKey, State> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("text", column(keys, true)));
            select.setArray(2, connection.createArrayOf("text", column(keys, false)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    states.put(
                            new TaskKey(rs.getString(1), rs.getString(2)),
                            State.valueOf(rs.getString(3)));
                }
            }
        }
        return states;
    }

    void update(Connection connection, Map<TaskKey, TaskMove> moves) throws SQLException {
        if (moves.isEmpty()) {
            return;
        }
        List<TaskKey> keys = List.copyOf(moves.keySet());
        int n = keys.size();
        String[] states = new String[n];
        String[] reasons = new String[n];
        Timestamp[] running = new Timestamp[n];
        Timestamp[] ends = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            TaskMove move = moves.get(keys.get(i));
            states[i] = move.state().name();
            reasons[i] = move.reason();
            running[i] = Rows.timestamp(move.firstRunning());
            ends[i] = Rows.timestamp(move.endTime());
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("text", column(keys, true)));
            update.setArray(2, connection.createArrayOf("text", column(keys, false)));
            update.setArray(3, connection.createArrayOf("text", states));
            update.setArray(4, connection.createArrayOf("text", reasons));
            update.setArray(5, connection.createArrayOf("timestamptz", running));
            update.setArray(6, connection.createArrayOf("timestamptz", ends));
            update.executeUpdate();
        }
    }

    private static String[] column(List<TaskKey> keys, boolean jobIds) {
        String[] values = new String[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = jobIds ? keys.get(i).jobId() : keys.get(i).name();
        }
        return values;
    }
}
