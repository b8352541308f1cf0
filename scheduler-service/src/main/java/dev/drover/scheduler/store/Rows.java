package dev.drover.scheduler.store;

import dev.drover.contract.EventCodec;
import dev.drover.contract.State;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Placement;
import dev.drover.scheduler.dag.InstanceRow;
import dev.drover.scheduler.dag.JobRow;
import dev.drover.scheduler.dag.TaskRow;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the scheduler's tables to the core's rows. */
final class Rows {

    static final String JOB_COLUMNS =
            "job_id, known, priority, placement, state_if_create_cvm_failed, depend_on, state,"
                    + " open_tasks, first_failed, terminating";
    static final String TASK_COLUMNS =
            "name, state, instance_num, max_attempts, pending_preds, succeeded, failed,"
                    + " interrupted, reopened";
    static final String INSTANCE_COLUMNS = "task, idx, attempt, base_attempt, state";

    private Rows() {}

    static JobRow job(ResultSet rs) throws SQLException {
        String dependOn = rs.getString("depend_on");
        String placement = rs.getString("placement");
        return new JobRow(
                rs.getString("job_id"),
                State.valueOf(rs.getString("state")),
                dependOn == null ? DependOn.PRE_TASK_SUCCEED : DependOn.valueOf(dependOn),
                rs.getInt("priority"),
                placement == null ? null : EventCodec.decode(placement, Placement.class),
                rs.getString("state_if_create_cvm_failed"),
                rs.getInt("open_tasks"),
                rs.getString("first_failed"),
                rs.getBoolean("terminating"));
    }

    static TaskRow task(ResultSet rs) throws SQLException {
        return new TaskRow(
                rs.getString("name"),
                State.valueOf(rs.getString("state")),
                rs.getInt("instance_num"),
                rs.getInt("max_attempts"),
                rs.getInt("pending_preds"),
                rs.getInt("succeeded"),
                rs.getInt("failed"),
                rs.getInt("interrupted"),
                rs.getBoolean("reopened"));
    }

    static InstanceRow instance(ResultSet rs) throws SQLException {
        return new InstanceRow(
                rs.getString("task"),
                rs.getInt("idx"),
                rs.getInt("attempt"),
                rs.getInt("base_attempt"),
                State.valueOf(rs.getString("state")));
    }
}
