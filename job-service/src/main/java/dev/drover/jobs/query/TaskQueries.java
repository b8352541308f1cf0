package dev.drover.jobs.query;

import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.store.Database;
import dev.drover.jobs.store.Rows;
import dev.drover.jobs.validation.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** DescribeTask: one task and a page of its instances, ordered by index. */
@ApplicationScoped
public class TaskQueries {

    /** What {@link #summary} reads. */
    static final String TASK_COLUMNS =
            "name, state, instance_num, state_reason, create_time, start_time, end_time";

    private static final String TASK =
            "select " + TASK_COLUMNS + " from task where job_id = ? and name = ?";

    /** Each instance with the archived logs of its latest attempt, if any. */
    private static final String INSTANCES =
            "select i.idx, i.state, i.attempts, i.exit_code, i.state_reason, i.start_time,"
                    + " i.end_time, o.uri as stdout_uri, e.uri as stderr_uri from instance i"
                    + " left join archived_log o on o.job_id = i.job_id and o.task_name ="
                    + " i.task_name and o.idx = i.idx and o.attempt = i.attempts and o.stream ="
                    + " 'stdout' left join archived_log e on e.job_id = i.job_id and e.task_name ="
                    + " i.task_name and e.idx = i.idx and e.attempt = i.attempts and e.stream ="
                    + " 'stderr' where i.job_id = ? and i.task_name = ? order by i.idx offset ?"
                    + " limit ?";

    private final Database database;

    public TaskQueries(Database database) {
        this.database = database;
    }

    public Views.TaskDetail describe(
            String jobId, String taskName, PageRequest paging, String requestId) {
        return database.read(
                c -> {
                    try (PreparedStatement select = c.prepareStatement(TASK)) {
                        select.setString(1, jobId);
                        select.setString(2, taskName);
                        try (ResultSet rs = select.executeQuery()) {
                            if (!rs.next()) {
                                throw notFound(c, jobId, taskName);
                            }
                            return detail(c, jobId, rs, paging, requestId);
                        }
                    }
                });
    }

    /** Whether the job is missing or only the task, for the right 404. */
    public static ApiProblem notFound(Connection c, String jobId, String taskName)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select 1 from job where id = ?")) {
            select.setString(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? ApiProblem.taskNotFound(jobId, taskName)
                        : ApiProblem.jobNotFound(jobId);
            }
        }
    }

    private Views.TaskDetail detail(
            Connection c, String jobId, ResultSet task, PageRequest paging, String requestId)
            throws SQLException {
        Views.TaskSummary summary = summary(task);
        String taskName = summary.taskName();
        return new Views.TaskDetail(
                jobId,
                summary,
                Metrics.of(
                        JobQueries.counts(
                                c,
                                "select state, count(*) from instance where job_id = ? and"
                                        + " task_name = ? group by state",
                                jobId,
                                taskName)),
                instances(c, jobId, taskName, paging),
                summary.taskInstanceNum(),
                requestId);
    }

    /** The task of a row with {@link #TASK_COLUMNS}. */
    static Views.TaskSummary summary(ResultSet task) throws SQLException {
        return new Views.TaskSummary(
                task.getString("name"),
                task.getString("state"),
                task.getInt("instance_num"),
                task.getString("state_reason"),
                Rows.instant(task, "create_time"),
                Rows.instant(task, "start_time"),
                Rows.instant(task, "end_time"));
    }

    private List<Views.InstanceView> instances(
            Connection c, String jobId, String taskName, PageRequest paging) throws SQLException {
        List<Views.InstanceView> instances = new ArrayList<>();
        try (PreparedStatement select =
                        JobQueries.prepare(
                                c,
                                INSTANCES,
                                List.of(jobId, taskName, paging.offset(), paging.limit()));
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                instances.add(
                        new Views.InstanceView(
                                rs.getInt("idx"),
                                rs.getString("state"),
                                rs.getInt("attempts"),
                                Rows.integer(rs, "exit_code"),
                                rs.getString("state_reason"),
                                Rows.instant(rs, "start_time"),
                                Rows.instant(rs, "end_time"),
                                rs.getString("stdout_uri"),
                                rs.getString("stderr_uri")));
            }
        }
        return instances;
    }
}
