package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import dev.drover.jobs.store.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes instance rows of the read model in sets: one SELECT ... FOR UPDATE and one
 * UPDATE per batch of events, however many instances it touches.
 */
final class InstanceStore {

    private static final String COLUMNS =
            "u.job_id, u.task_name, u.idx, i.state, i.attempts, i.exit_code, i.state_reason,"
                    + " i.start_time, i.end_time";
    private static final String LOCK =
            "select "
                    + COLUMNS
                    + " from unnest(?::text[], ?::text[], ?::int[]) as u(job_id, task_name, idx)"
                    + " join instance i on i.job_id = u.job_id and i.task_name = u.task_name"
                    + " and i.idx = u.idx order by 1, 2, 3 for update of i";
    private static final String UPDATE =
            "update instance i set state = u.state, attempts = u.attempts, exit_code = u.exit_code,"
                    + " state_reason = u.reason, start_time = u.start_time, end_time = u.end_time"
                    + " from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::int[], ?::int[],"
                    + " ?::text[], ?::timestamptz[], ?::timestamptz[]) as u(job_id, task_name, idx,"
                    + " state, attempts, exit_code, reason, start_time, end_time)"
                    + " where i.job_id = u.job_id and i.task_name = u.task_name and i.idx = u.idx";

    /** Locks and reads the rows of {@code keys}; keys without a row are absent from the map. */
    Map<InstanceKey, InstanceRow> lock(Connection connection, List<InstanceKey> keys)
            throws SQLException {
        Map<InstanceKey, InstanceRow> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("text", column(keys, 0)));
            select.setArray(2, connection.createArrayOf("text", column(keys, 1)));
            select.setArray(3, connection.createArrayOf("int4", column(keys, 2)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    InstanceKey key =
                            new InstanceKey(rs.getString(1), rs.getString(2), rs.getInt(3));
                    rows.put(key, read(rs));
                }
            }
        }
        return rows;
    }

    void update(Connection connection, Map<InstanceKey, InstanceRow> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        List<InstanceKey> keys = List.copyOf(changed.keySet());
        int n = keys.size();
        String[] states = new String[n];
        Integer[] attempts = new Integer[n];
        Integer[] exitCodes = new Integer[n];
        String[] reasons = new String[n];
        Timestamp[] starts = new Timestamp[n];
        Timestamp[] ends = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            InstanceRow row = changed.get(keys.get(i));
            states[i] = row.state().name();
            attempts[i] = row.attempts();
            exitCodes[i] = row.exitCode();
            reasons[i] = row.reason();
            starts[i] = Rows.timestamp(row.startTime());
            ends[i] = Rows.timestamp(row.endTime());
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("text", column(keys, 0)));
            update.setArray(2, connection.createArrayOf("text", column(keys, 1)));
            update.setArray(3, connection.createArrayOf("int4", column(keys, 2)));
            update.setArray(4, connection.createArrayOf("text", states));
            update.setArray(5, connection.createArrayOf("int4", attempts));
            update.setArray(6, connection.createArrayOf("int4", exitCodes));
            update.setArray(7, connection.createArrayOf("text", reasons));
            update.setArray(8, connection.createArrayOf("timestamptz", starts));
            update.setArray(9, connection.createArrayOf("timestamptz", ends));
            update.executeUpdate();
        }
    }

    private static InstanceRow read(ResultSet rs) throws SQLException {
        return new InstanceRow(
                State.valueOf(rs.getString(4)),
                rs.getInt(5),
                Rows.integer(rs, "exit_code"),
                rs.getString(7),
                Rows.instant(rs, "start_time"),
                Rows.instant(rs, "end_time"));
    }

    private static Object[] column(List<InstanceKey> keys, int which) {
        Object[] values = which == 2 ? new Integer[keys.size()] : new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            InstanceKey key = keys.get(i);
            values[i] =
                    switch (which) {
                        case 0 -> key.jobId();
                        case 1 -> key.taskName();
                        default -> key.index();
                    };
        }
        return values;
    }
}
