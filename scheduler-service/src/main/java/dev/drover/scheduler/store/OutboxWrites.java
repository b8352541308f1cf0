package dev.drover.scheduler.store;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Appends decided events to the outbox, in the transaction that decided them. */
public final class OutboxWrites {

    /**
     * Relay buckets. One job always falls in one bucket, a bucket is relayed by one replica at a
     * time, so a job's events leave in the order they were committed.
     */
    public static final int BUCKETS = 64;

    private OutboxWrites() {}

    /** The bucket of a job: a fixed function of its id, the same in every JVM. */
    public static int bucket(String jobId) {
        return Math.floorMod(jobId.hashCode(), BUCKETS);
    }

    /** The topic each event the scheduler decides goes to. */
    public static String topicOf(Event event) {
        if (event instanceof TaskReady) {
            return Topics.TASK_READY;
        }
        if (event instanceof TaskStateChanged) {
            return Topics.TASK_EVENTS;
        }
        if (event instanceof JobStateChanged) {
            return Topics.JOB_EVENTS;
        }
        throw new IllegalArgumentException("no topic for " + event.getClass().getSimpleName());
    }

    static void insert(Connection db, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                db.prepareStatement(
                        "INSERT INTO outbox (job_id, bucket, topic, payload) VALUES (?, ?, ?, ?)")) {
            for (Event event : events) {
                ps.setString(1, event.jobId());
                ps.setInt(2, bucket(event.jobId()));
                ps.setString(3, topicOf(event));
                ps.setString(4, EventCodec.encode(event));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
