package dev.drover.jobs.outbox;

import dev.drover.jobs.store.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka in id order and deletes them once the broker acknowledged them.
 *
 * <p>Delivery is at-least-once: a crash after the send and before the delete sends the rows again
 * on the next round, and every consumer is idempotent. Only one relay round runs at a time across
 * all replicas (a transaction-scoped advisory lock): row locks with SKIP LOCKED alone would let a
 * second replica send a later event of a job while the first still holds an earlier one, breaking
 * the per-job order the consumers rely on. A replica that finds the lock taken simply returns; the
 * holder drains everything.
 *
 * <p>Rounds run on one thread of their own: {@link #kick()} after a commit for low latency, and a
 * periodic sweep for rows a failed or crashed round left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory lock key of the relay: "drover-outbox" folded into a number. */
    private static final long LOCK_KEY = 0x6472_6f76_6572_6f62L;

    private static final String LOCK = "select pg_try_advisory_xact_lock(?)";
    private static final String SELECT =
            "select id, topic, record_key, payload from outbox order by id limit ?";
    private static final String DELETE = "delete from outbox where id = any(?)";

    private final Database database;
    private final Producer<String, String> producer;
    private final OutboxConfig config;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxRelay(Database database, RelayProducer producer, OutboxConfig config) {
        this.database = database;
        this.producer = producer.get();
        this.config = config;
    }

    /** Asks for a round soon; kicks while one is queued collapse into it. */
    public void kick() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(
                    () -> {
                        queued.set(false);
                        drain();
                    });
        }
    }

    @Scheduled(
            every = "${drover.outbox.sweep-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        kick();
    }

    void stop(@Observes ShutdownEvent event) {
        thread.shutdown();
    }

    /** Runs rounds until the outbox is empty, another replica holds the lock, or a round fails. */
    void drain() {
        try {
            while (database.inTransaction(this::round) == config.batchSize()) {
                // A full round: more rows may be waiting.
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox round failed; rows stay and the next sweep retries them");
        }
    }

    /** One round: lock, read, send, await acks, delete. Returns how many rows it sent. */
    private int round(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    acks.add(send(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        awaitAcks(ids, acks);
        delete(connection, ids);
        return ids.size();
    }

    private Future<RecordMetadata> send(String topic, String key, String payload) {
        LOG.debugf("outbox -> %s key=%s", topic, key);
        return producer.send(new ProducerRecord<>(topic, key, payload));
    }

    private void awaitAcks(List<Long> ids, List<Future<RecordMetadata>> acks) {
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.sendTimeoutSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted awaiting the broker", e);
            } catch (Exception e) {
                if (isPoison(e)) {
                    // Retrying can never succeed and would block every later event behind it.
                    LOG.errorf(e, "outbox row %d can never be sent; dropping it", ids.get(i));
                    continue;
                }
                throw new IllegalStateException("broker did not acknowledge outbox rows", e);
            }
        }
    }

    private static boolean isPoison(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || cause instanceof org.apache.kafka.common.errors.SerializationException;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }
}
