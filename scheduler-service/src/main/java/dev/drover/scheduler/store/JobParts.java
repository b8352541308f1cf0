package dev.drover.scheduler.store;

import dev.drover.contract.State;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.TaskSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Stores the parts of a JobAccepted. A redelivered part is recognised by (job, part) and changes
 * nothing; the job becomes known when its last missing part is stored.
 */
final class JobParts {

    /** Task positions: part number in the high bits, position within the part below. */
    private static final int PART_SHIFT = 24;

    private JobParts() {}

    /**
     * Stores one part of a locked job.
     *
     * @return whether this part completed the job
     */
    static boolean store(Connection db, JobAccepted part) throws SQLException {
        if (!claim(db, part)) {
            return false;
        }
        describeJob(db, part);
        insertTasks(db, part);
        insertEdges(db, part.jobId(), part.dependences() == null ? List.of() : part.dependences());
        if (storedParts(db, part.jobId()) < part.partCount()) {
            return false;
        }
        countPredecessors(db, part.jobId());
        return true;
    }

    private static boolean claim(Connection db, JobAccepted part) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement(
                        "INSERT INTO job_part (job_id, part) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, part.jobId());
            ps.setInt(2, part.part());
            return ps.executeUpdate() == 1;
        }
    }

    private static void describeJob(Connection db, JobAccepted part) throws SQLException {
        DependOn rule =
                part.job() == null || part.job().taskExecutionDependOn() == null
                        ? DependOn.PRE_TASK_SUCCEED
                        : part.job().taskExecutionDependOn();
        try (PreparedStatement ps =
                db.prepareStatement(
                        "UPDATE job SET part_count = ?, priority = ?, placement = ?,"
                                + " state_if_create_cvm_failed = ?, depend_on = ?"
                                + " WHERE job_id = ?")) {
            ps.setInt(1, part.partCount());
            ps.setInt(2, part.job() == null ? 0 : part.job().priority());
            ps.setString(3, JobWrites.json(part.placement()));
            ps.setString(4, part.job() == null ? null : part.job().stateIfCreateCvmFailed());
            ps.setString(5, rule.name());
            ps.setString(6, part.jobId());
            ps.executeUpdate();
        }
    }

    private static void insertTasks(Connection db, JobAccepted part) throws SQLException {
        List<TaskSpec> tasks = part.tasks() == null ? List.of() : part.tasks();
        try (PreparedStatement ps =
                db.prepareStatement(
                        "INSERT INTO task (job_id, name, ord, state, instance_num, max_attempts,"
                                + " spec) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < tasks.size(); i++) {
                TaskSpec task = tasks.get(i);
                ps.setString(1, part.jobId());
                ps.setString(2, task.taskName());
                ps.setLong(3, ((long) part.part() << PART_SHIFT) + i);
                ps.setString(4, State.SUBMITTED.name());
                ps.setInt(5, task.taskInstanceNum());
                ps.setInt(6, task.maxAttempts());
                ps.setString(7, JobWrites.json(task));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertEdges(Connection db, String jobId, List<Dependence> edges)
            throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement(
                        "INSERT INTO edge (job_id, pred, succ) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")) {
            for (Dependence edge : edges) {
                ps.setString(1, jobId);
                ps.setString(2, edge.startTask());
                ps.setString(3, edge.endTask());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int storedParts(Connection db, String jobId) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT count(*) FROM job_part WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Every task's unfinished-predecessor count, once, when the whole DAG is in. Counted per task
     * through the successor index: a join against a grouped edge count was planned as a nested loop
     * once the tables held an earlier 10,000-task job, and took 80 s for the next one.
     */
    private static void countPredecessors(Connection db, String jobId) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement(
                        "UPDATE task t SET pending_preds = (SELECT count(*) FROM edge e"
                                + " WHERE e.job_id = t.job_id AND e.succ = t.name)"
                                + " WHERE t.job_id = ?")) {
            ps.setString(1, jobId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                db.prepareStatement("UPDATE job SET known = true WHERE job_id = ?")) {
            ps.setString(1, jobId);
            ps.executeUpdate();
        }
    }
}
