package dev.drover.jobs.submission;

import dev.drover.contract.EventCodec;
import dev.drover.contract.State;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.jobs.store.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an accepted job into the store: the job row, its tasks, edges and one row per instance.
 * Every table gets one set-based statement whatever the job's size (arrays unnested server-side,
 * instances generated from the task rows), so a 10,000-task job costs a handful of round trips.
 */
final class JobWriter {

    private static final String INSERT_JOB =
            "insert into job (id, name, description, priority, state, client_token, source_ref,"
                    + " request_hash, placement, tags, task_count, dependence_count, submitted,"
                    + " create_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?,"
                    + " ?::jsonb, ?)";
    private static final String INSERT_TASKS =
            "insert into task (job_id, name, position, state, instance_num, max_retry_count,"
                    + " depend_on, create_time)"
                    + " select ?, name, position, state, instance_num, max_retry, ?, ?"
                    + " from unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::int[])"
                    + " as t(name, position, state, instance_num, max_retry)";
    private static final String INSERT_DEPENDENCES =
            "insert into dependence (job_id, position, start_task, end_task)"
                    + " select ?, position, start_task, end_task"
                    + " from unnest(?::int[], ?::text[], ?::text[]) as d(position, start_task,"
                    + " end_task)";
    private static final String INSERT_INSTANCES =
            "insert into instance (job_id, task_name, idx, state)"
                    + " select t.job_id, t.name, i, t.state from task t,"
                    + " generate_series(0, t.instance_num - 1) as i where t.job_id = ?";
    private static final String FIND_BY = "select id, request_hash from job where %s = ?";

    /** A stored job found by its ClientToken or source. */
    record Existing(String jobId, String requestHash) {}

    void insert(Connection connection, NewJob job) throws SQLException {
        insertJob(connection, job);
        insertTasks(connection, job);
        insertDependences(connection, job);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_INSTANCES)) {
            insert.setString(1, job.jobId());
            insert.executeUpdate();
        }
    }

    Optional<Existing> findByClientToken(Connection connection, String token) throws SQLException {
        return find(connection, "client_token", token);
    }

    Optional<Existing> findBySource(Connection connection, String sourceRef) throws SQLException {
        return find(connection, "source_ref", sourceRef);
    }

    private Optional<Existing> find(Connection connection, String column, String value)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(String.format(FIND_BY, column))) {
            select.setString(1, value);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Existing(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private void insertJob(Connection connection, NewJob job) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_JOB)) {
            insert.setString(1, job.jobId());
            insert.setString(2, job.job().jobName());
            insert.setString(3, job.job().jobDescription());
            insert.setInt(4, job.job().priority());
            insert.setString(5, State.SUBMITTED.name());
            insert.setString(6, job.clientToken());
            insert.setString(7, job.sourceRef());
            insert.setString(8, job.requestHash());
            insert.setString(
                    9, job.placement() == null ? null : EventCodec.encode(job.placement()));
            insert.setString(10, EventCodec.encode(job.job().tags()));
            insert.setInt(11, job.job().tasks().size());
            insert.setInt(12, job.job().dependences().size());
            insert.setString(13, job.submittedJson());
            insert.setTimestamp(14, Rows.timestamp(job.createTime()));
            insert.executeUpdate();
        }
    }

    /** Roots start RUNNABLE (released at once), every other task PENDING. */
    private void insertTasks(Connection connection, NewJob job) throws SQLException {
        List<TaskSpec> tasks = job.job().tasks();
        Set<String> roots = new HashSet<>();
        AcceptanceEvents.roots(job.job()).forEach(t -> roots.add(t.taskName()));
        int n = tasks.size();
        String[] names = new String[n];
        Integer[] positions = new Integer[n];
        String[] states = new String[n];
        Integer[] instanceNums = new Integer[n];
        Integer[] maxRetries = new Integer[n];
        for (int i = 0; i < n; i++) {
            TaskSpec task = tasks.get(i);
            names[i] = task.taskName();
            positions[i] = i;
            states[i] = (roots.contains(task.taskName()) ? State.RUNNABLE : State.PENDING).name();
            instanceNums[i] = task.taskInstanceNum();
            maxRetries[i] = task.maxRetryCount();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TASKS)) {
            insert.setString(1, job.jobId());
            insert.setString(2, job.job().taskExecutionDependOn().name());
            insert.setTimestamp(3, Rows.timestamp(job.createTime()));
            insert.setArray(4, connection.createArrayOf("text", names));
            insert.setArray(5, connection.createArrayOf("int4", positions));
            insert.setArray(6, connection.createArrayOf("text", states));
            insert.setArray(7, connection.createArrayOf("int4", instanceNums));
            insert.setArray(8, connection.createArrayOf("int4", maxRetries));
            insert.executeUpdate();
        }
    }

    private void insertDependences(Connection connection, NewJob job) throws SQLException {
        List<Dependence> edges = job.job().dependences();
        if (edges.isEmpty()) {
            return;
        }
        int n = edges.size();
        Integer[] positions = new Integer[n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
            starts[i] = edges.get(i).startTask();
            ends[i] = edges.get(i).endTask();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DEPENDENCES)) {
            insert.setString(1, job.jobId());
            insert.setArray(2, connection.createArrayOf("int4", positions));
            insert.setArray(3, connection.createArrayOf("text", starts));
            insert.setArray(4, connection.createArrayOf("text", ends));
            insert.executeUpdate();
        }
    }
}
