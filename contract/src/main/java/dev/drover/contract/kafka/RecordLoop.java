package dev.drover.contract.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One Kafka consumer on its own thread, for the hops every edge of a job's DAG crosses (completion
 * to scheduler, release to provisioner). The thread that polled a batch hands it to the handler
 * itself, so a record waits for no other thread. Offsets are committed only for batches the handler
 * returned from, at most once a second (a commit per small batch made the broker's group
 * coordinator one of the stack's busiest threads), and before partitions are handed to another
 * member. A handler that throws sends the loop back to the batch's first offsets after a pause.
 * Handlers must therefore recognise a redelivered record (the scheduler's inbox and the
 * provisioner's journal do): a crash redelivers up to a second of handled records.
 */
public final class RecordLoop implements AutoCloseable {

    /** Processes one polled batch; returns once its effects are durable. */
    @FunctionalInterface
    public interface Handler {
        void handle(ConsumerRecords<String, String> batch) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(RecordLoop.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final long COMMIT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final String topic;
    private final Handler handler;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private boolean uncommitted;
    private long lastCommit = System.nanoTime();
    private volatile boolean running = true;

    private RecordLoop(String name, Map<String, Object> config, String topic, Handler handler) {
        this.topic = topic;
        this.handler = handler;
        Map<String, Object> all = new HashMap<>(config);
        all.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        all.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        all.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer =
                new KafkaConsumer<>(all, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, name);
    }

    /**
     * Starts consuming {@code topic} with {@code config} (bootstrap servers and group id at least;
     * offsets are always committed by the loop) on a thread named {@code name}.
     */
    public static RecordLoop start(
            String name, Map<String, Object> config, String topic, Handler handler) {
        RecordLoop loop = new RecordLoop(name, config, topic, handler);
        loop.thread.start();
        return loop;
    }

    /** Stops polling; a batch being handled is finished (or interrupted after a grace period). */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoff = 100;
        try {
            consumer.subscribe(List.of(topic), new CommitBeforeRevoke());
            while (running) {
                ConsumerRecords<String, String> batch = consumer.poll(POLL);
                if (batch.isEmpty()) {
                    commitWhenDue();
                    continue;
                }
                try {
                    handler.handle(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.log(
                            Level.ERROR,
                            "handling "
                                    + batch.count()
                                    + " records of "
                                    + topic
                                    + " failed; retrying them in "
                                    + backoff
                                    + " ms",
                            e);
                    rewind(batch);
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                    continue;
                }
                backoff = 100;
                handled.putAll(next(batch));
                uncommitted = true;
                commitWhenDue();
            }
        } catch (WakeupException e) {
            // close() woke the consumer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConsumer();
        }
    }

    /** Seeks each partition of the batch back to its first record in the batch. */
    private void rewind(ConsumerRecords<String, String> batch) {
        for (TopicPartition partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
    }

    private void commitWhenDue() {
        if (!uncommitted || System.nanoTime() - lastCommit < COMMIT_EVERY_NANOS) {
            return;
        }
        uncommitted = false;
        lastCommit = System.nanoTime();
        consumer.commitAsync(
                new HashMap<>(handled),
                (offsets, error) -> {
                    if (error != null) {
                        // The next commit covers these; a crash meanwhile redelivers them.
                        LOG.log(Level.WARNING, "commit on " + topic + " failed: " + error);
                    }
                });
    }

    /** Hands over only committed partitions, so another member does not redo handled records. */
    private final class CommitBeforeRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commitHandled();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "commit before rebalance on " + topic + " failed: " + e);
            }
            handled.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Positions come from the committed offsets.
        }
    }

    private void commitHandled() {
        if (!handled.isEmpty()) {
            consumer.commitSync(handled, Duration.ofSeconds(5));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(
            ConsumerRecords<String, String> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, String>> records = batch.records(partition);
            offsets.put(
                    partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void closeConsumer() {
        // Commits what was handled (never a batch cut short), so a clean stop redelivers nothing.
        for (int tries = 0; tries < 2; tries++) {
            try {
                commitHandled();
                break;
            } catch (WakeupException e) {
                // close()'s wakeup may land here instead of in poll(): try once more.
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "final commit on " + topic + " failed: " + e);
                break;
            }
        }
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the consumer of " + topic + ": " + e);
        }
    }
}
