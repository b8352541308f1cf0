package dev.drover.jobs.control;

import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.RetryJob;
import dev.drover.contract.event.TerminateJob;
import dev.drover.jobs.outbox.Outbox;
import dev.drover.jobs.outbox.OutboxRecord;
import dev.drover.jobs.outbox.OutboxRelay;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Terminate, retry and delete, shared by every rendering of the API. Terminate and retry are
 * requests to the scheduler and provisioner, written to the outbox under a lock on the job row so
 * the guard and the event agree; delete removes the rows of a job that is entirely finished.
 */
@ApplicationScoped
public class JobControl {

    private static final Logger LOG = Logger.getLogger(JobControl.class);

    /** The reason a terminated job shows, as the scheduler reports it. */
    public static final String TERMINATED = "terminated";

    private static final List<String> DELETE_ROWS =
            List.of(
                    "delete from archived_log where job_id = ?",
                    "delete from instance where job_id = ?",
                    "delete from dependence where job_id = ?",
                    "delete from task where job_id = ?",
                    "delete from job where id = ?");

    private final Database database;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public JobControl(Database database, Outbox outbox, OutboxRelay relay) {
        this.database = database;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Asks for the job to stop. Returns false, and publishes nothing, when the job has already
     * finished.
     */
    public boolean terminate(String jobId) {
        boolean requested =
                database.inTransaction(
                        c -> {
                            if (lockState(c, jobId).isTerminal()) {
                                return false;
                            }
                            TerminateJob command = TerminateJob.of(jobId, TERMINATED);
                            outbox.append(c, List.of(OutboxRecord.of(Topics.JOB_EVENTS, command)));
                            return true;
                        });
        if (requested) {
            relay.kick();
            LOG.infof("jobId=%s: terminate requested", jobId);
        }
        return requested;
    }

    /** Asks for a FAILED job's failed and never-run instances to run again. */
    public void retry(String jobId) {
        database.inTransaction(
                c -> {
                    State state = lockState(c, jobId);
                    if (state != State.FAILED) {
                        throw new ApiProblem(
                                409,
                                Codes.UNSUPPORTED,
                                "job "
                                        + jobId
                                        + " is "
                                        + state
                                        + "; only a FAILED job can be retried",
                                List.of("JobId"));
                    }
                    outbox.append(
                            c, List.of(OutboxRecord.of(Topics.JOB_EVENTS, RetryJob.of(jobId))));
                    return null;
                });
        relay.kick();
        LOG.infof("jobId=%s: retry requested", jobId);
    }

    /** Deletes the job's rows; refused while the job or any of its instances is unfinished. */
    public void delete(String jobId) {
        database.inTransaction(
                c -> {
                    State state = lockState(c, jobId);
                    long live = liveInstances(c, jobId);
                    if (!state.isTerminal() || live > 0) {
                        throw new ApiProblem(
                                409,
                                Codes.JOB_IN_USE,
                                "job "
                                        + jobId
                                        + " is "
                                        + state
                                        + " with "
                                        + live
                                        + " unfinished instances; terminate it and wait until"
                                        + " it has finished",
                                List.of("JobId"));
                    }
                    for (String sql : DELETE_ROWS) {
                        try (PreparedStatement delete = c.prepareStatement(sql)) {
                            delete.setString(1, jobId);
                            delete.executeUpdate();
                        }
                    }
                    return null;
                });
        LOG.infof("jobId=%s: deleted", jobId);
    }

    private static State lockState(Connection c, String jobId) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("select state from job where id = ? for update")) {
            select.setString(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ApiProblem.jobNotFound(jobId);
                }
                return State.valueOf(rs.getString(1));
            }
        }
    }

    private static long liveInstances(Connection c, String jobId) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement(
                        "select count(*) from instance where job_id = ? and state not in"
                                + " ('SUCCEED', 'FAILED', 'FAILED_INTERRUPTED')")) {
            select.setString(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
