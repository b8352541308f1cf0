package dev.drover.jobs.readmodel;

import dev.drover.contract.event.InstanceEnded;
import dev.drover.contract.event.LogStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the streams an attempt's final event names as empty: the provisioner never sent them, so
 * no LogsArchived will come, and the row (no uri, size 0) is what tells a reader "empty" rather
 * than "not archived yet". One statement per batch of events.
 */
final class EmptyLogRows {

    /** SHA-256 of zero bytes, so an empty row reads like an archived empty object. */
    private static final String EMPTY_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final String INSERT =
            "insert into archived_log (job_id, task_name, idx, attempt, stream, uri, size, sha256)"
                    + " select u.job_id, u.task_name, u.idx, u.attempt, u.stream, null, 0, ?"
                    + " from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[])"
                    + " as u(job_id, task_name, idx, attempt, stream)"
                    + " on conflict (job_id, task_name, idx, attempt, stream) do nothing";

    /** Inserts a row per empty stream of {@code ended}; rows already there are kept. */
    void insert(Connection connection, List<InstanceEnded> ended) throws SQLException {
        List<String> jobs = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        for (InstanceEnded end : ended) {
            if (end.emptyLogs() == null) {
                continue;
            }
            for (LogStream stream : end.emptyLogs()) {
                jobs.add(end.jobId());
                tasks.add(end.taskName());
                indexes.add(end.instanceIndex());
                attempts.add(end.attempt());
                streams.add(stream.label());
            }
        }
        if (jobs.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, EMPTY_SHA256);
            insert.setArray(2, connection.createArrayOf("text", jobs.toArray()));
            insert.setArray(3, connection.createArrayOf("text", tasks.toArray()));
            insert.setArray(4, connection.createArrayOf("int4", indexes.toArray()));
            insert.setArray(5, connection.createArrayOf("int4", attempts.toArray()));
            insert.setArray(6, connection.createArrayOf("text", streams.toArray()));
            insert.executeUpdate();
        }
    }
}
