package dev.drover.jobs.logs;

import dev.drover.contract.event.LogStream;
import dev.drover.contract.storage.RemotePath;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.query.TaskQueries;
import dev.drover.jobs.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the archived object of one instance attempt's stream. Only archived streams are served: the
 * bytes of a still-running attempt live in Kafka and the collector's spool, not here. A stream that
 * wrote nothing has a row without an object (its attempt's final event named it empty).
 */
@ApplicationScoped
public class ArchivedLogs {

    private static final String FIND =
            "select attempt, uri from archived_log where job_id = ? and task_name = ? and idx = ?"
                    + " and stream = ? and (? = 0 or attempt = ?) order by attempt desc limit 1";
    private static final String TASK = "select 1 from task where job_id = ? and name = ?";
    private static final String INSTANCE =
            "select attempts, state in ('SUCCEED', 'FAILED', 'FAILED_INTERRUPTED') from instance"
                    + " where job_id = ? and task_name = ? and idx = ?";

    private final Database database;

    public ArchivedLogs(Database database) {
        this.database = database;
    }

    /**
     * The local file holding the stream of {@code attempt} (0: the latest archived attempt); empty
     * when that stream wrote nothing and so has no object.
     */
    public Optional<Path> locate(
            String jobId, String taskName, int index, LogStream stream, int attempt) {
        Optional<String> found =
                database.read(c -> find(c, jobId, taskName, index, stream, attempt));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String uri = found.get();
        RemotePath path = RemotePath.tryParse(uri).orElse(null);
        if (path == null || path.scheme() != RemotePath.Scheme.FILE) {
            throw new ApiProblem(
                    400,
                    Codes.UNSUPPORTED,
                    "the log is archived at "
                            + uri
                            + "; this job-service reads file:// archives only",
                    List.of("stream"));
        }
        Path file = Path.of(path.key());
        if (!Files.isRegularFile(file)) {
            throw new ApiProblem(
                    404,
                    Codes.LOGS_NOT_FOUND,
                    "the archived " + stream.label() + " at " + uri + " is gone from the store",
                    List.of("stream"));
        }
        return Optional.of(file);
    }

    /** The row's uri (empty for a stream that wrote nothing); a 404 problem if there is no row. */
    private static Optional<String> find(
            Connection c, String jobId, String taskName, int index, LogStream stream, int attempt)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(FIND)) {
            select.setString(1, jobId);
            select.setString(2, taskName);
            select.setInt(3, index);
            select.setString(4, stream.label());
            select.setInt(5, attempt);
            select.setInt(6, attempt);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return Optional.ofNullable(rs.getString(2));
                }
            }
        }
        throw whyMissing(c, jobId, taskName, index, stream, attempt);
    }

    private static ApiProblem whyMissing(
            Connection c, String jobId, String taskName, int index, LogStream stream, int attempt)
            throws SQLException {
        // An ended instance will have no more attempts: asking for one it never had is final.
        Integer attempts = endedAttempts(c, jobId, taskName, index);
        if (attempts != null && attempts >= 0 && (attempts == 0 || attempt > attempts)) {
            String why =
                    attempts == 0
                            ? " has not run (an upstream task failed, or the job ended first)"
                            : " has had " + attempts + " attempts; there is no attempt " + attempt;
            return new ApiProblem(
                    404,
                    Codes.LOGS_NOT_FOUND,
                    "instance " + index + " of task '" + taskName + "'" + why,
                    List.of(attempt > 0 ? "attempt" : "index"));
        }
        if (attempts != null) {
            String which = attempt == 0 ? "any attempt" : "attempt " + attempt;
            return new ApiProblem(
                    404,
                    Codes.LOGS_NOT_FOUND,
                    stream.label()
                            + " of "
                            + which
                            + " of instance "
                            + index
                            + " of task '"
                            + taskName
                            + "' is not archived yet; only archived streams are served",
                    List.of("stream"));
        }
        if (exists(c, TASK, jobId, taskName)) {
            return new ApiProblem(
                    404,
                    Codes.INSTANCE_NOT_FOUND,
                    "task '" + taskName + "' has no instance " + index,
                    List.of("index"));
        }
        return TaskQueries.notFound(c, jobId, taskName);
    }

    /**
     * The attempts of an ended instance; -1 for an instance not ended yet, null for no such
     * instance.
     */
    private static Integer endedAttempts(Connection c, String jobId, String taskName, int index)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(INSTANCE)) {
            select.setString(1, jobId);
            select.setString(2, taskName);
            select.setInt(3, index);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return rs.getBoolean(2) ? rs.getInt(1) : -1;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String jobId, String taskName)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, jobId);
            select.setString(2, taskName);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
