package dev.drover.scheduler.store;

import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.RetryJob;
import dev.drover.contract.event.TerminateJob;
import dev.drover.scheduler.dag.Decision;
import dev.drover.scheduler.dag.InstanceRow;
import dev.drover.scheduler.dag.JobDecider;
import dev.drover.scheduler.dag.JobRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One transaction's worth of inputs: locks their jobs, runs each input through the core against the
 * rows it needs, then writes the changed rows and the outbox. The caller commits; nothing here is
 * visible before that, so a crash anywhere in between leaves the inputs to be redelivered.
 */
final class InboxBatch {

    private final Connection db;
    private final DecisionLog log;
    private final Map<String, Boolean> known = new HashMap<>();
    private final Map<String, JobRow> locked = new HashMap<>();
    private final Map<String, StoredJob> jobs = new LinkedHashMap<>();
    private final List<Event> outbox = new ArrayList<>();

    InboxBatch(Connection db, DecisionLog log) {
        this.db = db;
        this.log = log;
    }

    /** Handles the inputs in order; returns how many events were written to the outbox. */
    int handle(List<Event> inputs) throws SQLException {
        lockJobs(inputs);
        prefetch(inputs);
        for (Event input : inputs) {
            handleOne(input);
        }
        for (StoredJob job : jobs.values()) {
            job.flush();
        }
        OutboxWrites.insert(db, outbox);
        return outbox.size();
    }

    private void handleOne(Event input) throws SQLException {
        String jobId = input.jobId();
        if (input instanceof JobAccepted part) {
            if (JobParts.store(db, part)) {
                learn(jobId);
            }
        } else if (!known.get(jobId)) {
            // The job's last part has not arrived yet (topics race): keep the input for then.
            EarlyEvents.buffer(db, input);
            log.buffered(input);
        } else {
            decide(input);
        }
    }

    private void learn(String jobId) throws SQLException {
        known.put(jobId, true);
        StoredJob job = new StoredJob(db, loadJob(jobId));
        jobs.put(jobId, job);
        apply(job, JobDecider.learned(job), null);
        for (Event early : EarlyEvents.drain(db, jobId)) {
            decide(early);
        }
    }

    private void decide(Event input) throws SQLException {
        StoredJob job = jobs.get(input.jobId());
        if (job == null) {
            job = new StoredJob(db, locked.get(input.jobId()));
            jobs.put(input.jobId(), job);
        }
        Decision decision;
        try {
            decision = decideFor(job, input);
        } catch (StoreException e) {
            throw e.sqlCause();
        } catch (RuntimeException e) {
            // A bug in the core for this one input: nothing was applied, so skipping it
            // keeps the rest of the batch (and the consumer) going.
            log.failed(input, e);
            return;
        }
        apply(job, decision, input);
    }

    private static Decision decideFor(StoredJob job, Event input) {
        if (input instanceof InstanceEvent report) {
            return JobDecider.instance(job, report);
        }
        if (input instanceof TerminateJob) {
            return JobDecider.terminate(job);
        }
        if (input instanceof RetryJob) {
            return JobDecider.retry(job);
        }
        return Decision.ignore("not an input of the scheduler");
    }

    private void apply(StoredJob job, Decision decision, Event input) {
        if (decision.isIgnored()) {
            log.ignored(input, decision.ignored());
            return;
        }
        job.apply(decision);
        outbox.addAll(decision.events());
        log.applied(decision);
    }

    /**
     * Locks every job of the batch in id order (so two transactions never wait on each other in a
     * cycle), first creating a placeholder row for a job seen first through an instance event:
     * whoever stores the job's last part then waits for this lock and sees what was buffered.
     */
    private void lockJobs(List<Event> inputs) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        inputs.forEach(e -> ids.add(e.jobId()));
        lock(ids);
        TreeSet<String> missing = new TreeSet<>(ids);
        missing.removeAll(known.keySet());
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                db.prepareStatement(
                        "INSERT INTO job (job_id) SELECT id FROM unnest(?::text[]) AS id"
                                + " ORDER BY id ON CONFLICT DO NOTHING")) {
            ps.setArray(1, db.createArrayOf("text", missing.toArray()));
            ps.executeUpdate();
        }
        lock(missing);
    }

    private void lock(TreeSet<String> ids) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement(
                        "SELECT "
                                + Rows.JOB_COLUMNS
                                + " FROM job WHERE job_id = ANY(?) ORDER BY job_id FOR UPDATE")) {
            ps.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString("job_id"), rs.getBoolean("known"));
                    locked.put(rs.getString("job_id"), Rows.job(rs));
                }
            }
        }
    }

    /** Loads in one query per job the instance rows this batch's reports will read. */
    private void prefetch(List<Event> inputs) throws SQLException {
        Map<String, List<InstanceRow.Key>> keys = new HashMap<>();
        for (Event input : inputs) {
            if (input instanceof InstanceEvent report && known.get(report.jobId())) {
                keys.computeIfAbsent(report.jobId(), id -> new ArrayList<>())
                        .add(new InstanceRow.Key(report.taskName(), report.instanceIndex()));
            }
        }
        for (Map.Entry<String, List<InstanceRow.Key>> job : keys.entrySet()) {
            StoredJob stored = new StoredJob(db, locked.get(job.getKey()));
            stored.prefetch(job.getValue());
            jobs.put(job.getKey(), stored);
        }
    }

    private JobRow loadJob(String jobId) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT " + Rows.JOB_COLUMNS + " FROM job WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Rows.job(rs);
            }
        }
    }
}
