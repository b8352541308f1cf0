package dev.drover.jobs.outbox;

import dev.drover.jobs.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes events into the outbox table inside the caller's transaction, so they exist exactly when
 * the change that caused them commits. {@link OutboxRelay} sends them afterwards; callers kick the
 * relay once their transaction committed.
 */
@ApplicationScoped
public class Outbox {

    private final Database database;
    private final OutboxRelay relay;

    public Outbox(Database database, OutboxRelay relay) {
        this.database = database;
        this.relay = relay;
    }

    /** Writes {@code records} in a transaction of their own and kicks the relay. */
    public void publish(List<OutboxRecord> records) {
        database.inTransaction(
                connection -> {
                    append(connection, records);
                    return null;
                });
        relay.kick();
    }

    private static final String INSERT =
            "insert into outbox (topic, record_key, payload)"
                    + " select topic, record_key, payload"
                    + " from unnest(?::text[], ?::text[], ?::text[])"
                    + " with ordinality as r(topic, record_key, payload, n) order by n";

    /** Appends {@code records} in order; one statement whatever their number. */
    public void append(Connection connection, List<OutboxRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        int n = records.size();
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            topics[i] = records.get(i).topic();
            keys[i] = records.get(i).key();
            payloads[i] = records.get(i).payload();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", topics));
            insert.setArray(2, connection.createArrayOf("text", keys));
            insert.setArray(3, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        }
    }
}
