package dev.drover.scheduler.store;

import dev.drover.contract.EventCodec;
import dev.drover.scheduler.dag.InstanceRow;
import dev.drover.scheduler.dag.JobRow;
import dev.drover.scheduler.dag.TaskRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The batched writes of decided rows. */
final class JobWrites {

    private JobWrites() {}

    static void updateJob(Connection db, JobRow job) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement(
                        "UPDATE job SET state = ?, open_tasks = ?, first_failed = ?,"
                                + " terminating = ?, updated_at = now() WHERE job_id = ?")) {
            ps.setString(1, job.state().name());
            ps.setInt(2, job.openTasks());
            ps.setString(3, job.firstFailed());
            ps.setBoolean(4, job.terminating());
            ps.setString(5, job.jobId());
            ps.executeUpdate();
        }
    }

    static void updateTasks(Connection db, String jobId, List<TaskRow> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                db.prepareStatement(
                        "UPDATE task SET state = ?, pending_preds = ?, succeeded = ?, failed = ?,"
                                + " interrupted = ?, reopened = ? WHERE job_id = ? AND name = ?")) {
            for (TaskRow task : tasks) {
                ps.setString(1, task.state().name());
                ps.setInt(2, task.pendingPreds());
                ps.setInt(3, task.succeeded());
                ps.setInt(4, task.failed());
                ps.setInt(5, task.interrupted());
                ps.setBoolean(6, task.reopened());
                ps.setString(7, jobId);
                ps.setString(8, task.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void upsertInstances(Connection db, String jobId, List<InstanceRow> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                db.prepareStatement(
                        "INSERT INTO instance (job_id, task, idx, attempt, base_attempt, state)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, task, idx)"
                                + " DO UPDATE SET attempt = excluded.attempt,"
                                + " base_attempt = excluded.base_attempt,"
                                + " state = excluded.state")) {
            for (InstanceRow row : rows) {
                ps.setString(1, jobId);
                ps.setString(2, row.task());
                ps.setInt(3, row.index());
                ps.setInt(4, row.attempt());
                ps.setInt(5, row.baseAttempt());
                ps.setString(6, row.state().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String json(Object value) {
        return value == null ? null : EventCodec.encode(value);
    }
}
