package dev.drover.contract.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * itself, so a record waits for no other thread, and the batch's offsets are committed only after
 * the handler returned. A handler that throws sends the loop back to the batch's first offsets
 * after a pause: handlers must recognise a redelivered record (the scheduler's inbox and the
 * provisioner's journal do).
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

    private final String topic;
    private final Handler handler;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
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
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> batch = consumer.poll(POLL);
                if (batch.isEmpty()) {
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
                Map<TopicPartition, OffsetAndMetadata> next = next(batch);
                handled.putAll(next);
                consumer.commitAsync(
                        next,
                        (offsets, error) -> {
                            if (error != null) {
                                // The next commit covers these; a crash meanwhile redelivers them.
                                LOG.log(Level.WARNING, "commit on " + topic + " failed: " + error);
                            }
                        });
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
