package dev.drover.scheduler.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, key = jobId, and deletes rows only after the broker acknowledged
 * them. It runs on one thread per replica, kicked right after each commit and swept periodically.
 *
 * <p>Order with several replicas: a relay transaction takes a transaction-scoped advisory lock on
 * each bucket (a fixed hash of the jobId) it reads from, inside the same query that picks the rows
 * in id order; another replica skips locked buckets. So a bucket's rows are published by one
 * replica at a time, oldest first, and the next holder only sees rows after the deleted ones. A
 * job's rows are inserted in commit order (its job row lock serialises them), so each job's events
 * reach Kafka in the order they were decided. A crash between the broker's ack and the delete
 * publishes those rows again: consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Namespace of the relay's advisory locks (the other key is the bucket). */
    private static final int LOCK_SPACE = 0x5c4ed;

    private final AgroalDataSource dataSource;
    private final RelayConfig config;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxRelay(
            AgroalDataSource dataSource,
            RelayConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.LINGER_MS_CONFIG,
                                config.lingerMs(),
                                ProducerConfig.CLIENT_ID_CONFIG,
                                "drover-scheduler-relay"),
                        new StringSerializer(),
                        new StringSerializer());
    }

    /** Asks for a relay pass soon; passes never overlap, and kicks during one are not lost. */
    public void kick() {
        if (worker.isShutdown() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Shutting down: whatever is left is published by the next start's sweep.
            queued.set(false);
        }
    }

    /** The sweep: rows committed while another replica held their bucket still go out. */
    @Scheduled(every = "${drover.scheduler.relay.sweep:1s}", delayed = "1s")
    void sweep() {
        kick();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        producer.close();
    }

    private void drain() {
        queued.set(false);
        try {
            while (relayOnce() > 0) {
                // Keep going while there is a backlog.
            }
        } catch (SQLException | RuntimeException | ExecutionException | TimeoutException e) {
            LOG.warnf("outbox relay pass failed, the sweep will retry: %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One transaction: lock buckets, publish their oldest rows, wait for acks, delete them. */
    int relayOnce()
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<Long> ids = publishOldest(db);
                delete(db, ids);
                db.commit();
                return ids.size();
            } catch (SQLException
                    | RuntimeException
                    | ExecutionException
                    | TimeoutException
                    | InterruptedException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private List<Long> publishOldest(Connection db)
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement ps =
                db.prepareStatement(
                        "SELECT id, job_id, topic, payload FROM outbox"
                                + " WHERE pg_try_advisory_xact_lock(?, bucket)"
                                + " ORDER BY id LIMIT ?")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setInt(2, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    acks.add(
                            producer.send(
                                    new ProducerRecord<>(
                                            rs.getString(3), rs.getString(2), rs.getString(4))));
                }
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(config.ackTimeoutSeconds(), TimeUnit.SECONDS);
        }
        return ids;
    }

    private static void delete(Connection db, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Array array = db.createArrayOf("int8", ids.toArray());
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }
}
