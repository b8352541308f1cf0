package dev.drover.scheduler.store;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Inputs of a job that is not completely known yet, kept in arrival order until it is. */
final class EarlyEvents {

    private EarlyEvents() {}

    static void buffer(Connection db, Event event) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("INSERT INTO early_event (job_id, payload) VALUES (?, ?)")) {
            ps.setString(1, event.jobId());
            ps.setString(2, EventCodec.encode(event));
            ps.executeUpdate();
        }
    }

    /** Removes and returns the job's buffered inputs, oldest first. */
    static List<Event> drain(Connection db, String jobId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement ps =
                db.prepareStatement(
                        "DELETE FROM early_event WHERE job_id = ? RETURNING seq, payload")) {
            ps.setString(1, jobId);
            List<long[]> order = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    order.add(new long[] {rs.getLong(1), payloads.size()});
                    payloads.add(rs.getString(2));
                }
            }
            order.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] entry : order) {
                events.add(decode(payloads.get((int) entry[1])));
            }
        }
        return events;
    }

    private static Event decode(String payload) {
        // Both families carry a "type" property naming distinct records.
        Event event = EventCodec.decode(payload, InstanceEvent.class);
        return event != null ? event : EventCodec.decode(payload, JobEvent.class);
    }
}
