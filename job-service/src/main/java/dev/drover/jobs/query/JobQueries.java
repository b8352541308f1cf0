package dev.drover.jobs.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.EventCodec;
import dev.drover.contract.State;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of the job store, shared by every rendering of the API. Counts are aggregated in
 * SQL, so describing a 10,000-task job reads a few result sets rather than a row per instance.
 */
@ApplicationScoped
public class JobQueries {

    private static final String JOB_COLUMNS =
            "id, name, description, state, priority, state_reason, placement, create_time,"
                    + " end_time, tags";

    private final Database database;

    public JobQueries(Database database) {
        this.database = database;
    }

    /** One page of jobs, newest first; ties broken by JobId so pages never overlap. */
    public Views.JobPage list(JobFilter filter, PageRequest paging, String requestId) {
        return database.read(
                c -> {
                    List<Object> params = new ArrayList<>();
                    String where = filter.where(params);
                    long total = count(c, "select count(*) from job where " + where, params);
                    List<Object> pageParams = new ArrayList<>(params);
                    pageParams.add(paging.offset());
                    pageParams.add(paging.limit());
                    String sql =
                            "select "
                                    + JOB_COLUMNS
                                    + " from job where "
                                    + where
                                    + " order by create_time desc, id offset ? limit ?";
                    List<Views.JobSummary> jobs = summaries(c, sql, pageParams);
                    return new Views.JobPage(jobs, total, requestId);
                });
    }

    /** DescribeJob: the job, its tasks and edges, and the state counts. */
    public Views.JobDetail describe(String jobId, String requestId) {
        return database.read(
                c -> {
                    try (PreparedStatement select =
                            c.prepareStatement(
                                    "select " + JOB_COLUMNS + " from job where id = ?")) {
                        select.setString(1, jobId);
                        try (ResultSet rs = select.executeQuery()) {
                            if (!rs.next()) {
                                throw ApiProblem.jobNotFound(jobId);
                            }
                            return detail(c, rs, requestId);
                        }
                    }
                });
    }

    /** The submitted document with defaults filled in and secrets masked. */
    public JsonNode submitted(String jobId) {
        return database.read(
                c -> {
                    try (PreparedStatement select =
                            c.prepareStatement("select submitted from job where id = ?")) {
                        select.setString(1, jobId);
                        try (ResultSet rs = select.executeQuery()) {
                            if (!rs.next()) {
                                throw ApiProblem.jobNotFound(jobId);
                            }
                            return json(rs.getString(1));
                        }
                    }
                });
    }

    private Views.JobDetail detail(Connection c, ResultSet job, String requestId)
            throws SQLException {
        String jobId = job.getString("id");
        return new Views.JobDetail(
                jobId,
                job.getString("name"),
                job.getString("description"),
                job.getString("state"),
                job.getInt("priority"),
                job.getString("state_reason"),
                json(job.getString("placement")),
                Rows.instant(job, "create_time"),
                Rows.instant(job, "end_time"),
                tasks(c, jobId),
                dependences(c, jobId),
                Metrics.of(
                        counts(
                                c,
                                "select state, count(*) from task where job_id = ? group by state",
                                jobId)),
                Metrics.of(
                        counts(
                                c,
                                "select state, count(*) from instance"
                                        + " where job_id = ? group by state",
                                jobId)),
                json(job.getString("tags")),
                requestId);
    }

    private List<Views.TaskSummary> tasks(Connection c, String jobId) throws SQLException {
        List<Views.TaskSummary> tasks = new ArrayList<>();
        try (PreparedStatement select =
                c.prepareStatement(
                        "select "
                                + TaskQueries.TASK_COLUMNS
                                + " from task where job_id = ? order by position")) {
            select.setString(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    tasks.add(TaskQueries.summary(rs));
                }
            }
        }
        return tasks;
    }

    private List<Views.DependenceView> dependences(Connection c, String jobId) throws SQLException {
        List<Views.DependenceView> edges = new ArrayList<>();
        try (PreparedStatement select =
                c.prepareStatement(
                        "select start_task, end_task from dependence where job_id = ?"
                                + " order by position")) {
            select.setString(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    edges.add(new Views.DependenceView(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return edges;
    }

    private List<Views.JobSummary> summaries(Connection c, String sql, List<Object> params)
            throws SQLException {
        List<Views.JobSummary> bare = new ArrayList<>();
        try (PreparedStatement select = prepare(c, sql, params);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                bare.add(summary(rs));
            }
        }
        Map<String, Map<State, Long>> counts =
                taskCountsOf(c, bare.stream().map(Views.JobSummary::jobId).toList());
        return bare.stream()
                .map(
                        job ->
                                job.withTaskMetrics(
                                        Metrics.of(counts.getOrDefault(job.jobId(), Map.of()))))
                .toList();
    }

    /** A job row without its task counts, which are read for the whole page at once. */
    private static Views.JobSummary summary(ResultSet rs) throws SQLException {
        return new Views.JobSummary(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("state"),
                rs.getInt("priority"),
                rs.getString("state_reason"),
                Rows.instant(rs, "create_time"),
                Rows.instant(rs, "end_time"),
                null,
                json(rs.getString("tags")));
    }

    private Map<String, Map<State, Long>> taskCountsOf(Connection c, List<String> jobIds)
            throws SQLException {
        Map<String, Map<State, Long>> counts = new HashMap<>();
        if (jobIds.isEmpty()) {
            return counts;
        }
        try (PreparedStatement select =
                c.prepareStatement(
                        "select job_id, state, count(*) from task where job_id = any(?)"
                                + " group by job_id, state")) {
            select.setArray(1, c.createArrayOf("text", jobIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(State.class))
                            .put(State.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return counts;
    }

    /** Per-state counts from a {@code select state, count(*) ... group by state} query. */
    static Map<State, Long> counts(Connection c, String sql, Object... params) throws SQLException {
        Map<State, Long> counts = new EnumMap<>(State.class);
        try (PreparedStatement select = prepare(c, sql, List.of(params));
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement select = prepare(c, sql, params);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            if (param instanceof String[] values) {
                statement.setArray(i + 1, c.createArrayOf("text", values));
            } else {
                statement.setObject(i + 1, param);
            }
        }
        return statement;
    }

    static JsonNode json(String text) {
        try {
            return text == null ? null : EventCodec.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
