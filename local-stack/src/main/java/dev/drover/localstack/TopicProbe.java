package dev.drover.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test helper that reads every partition of one topic on a background thread and keeps what it saw,
 * so a test can wait for the record it expects. Partitions are assigned directly rather than
 * through a group rebalance, so the probe is reading as soon as it is constructed.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private TopicProbe(String bootstrapServers, String topic, boolean fromBeginning) {
        this.topic = topic;
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "probe-" + UUID.randomUUID(),
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                fromBeginning ? "earliest" : "latest"),
                        new StringDeserializer(),
                        new StringDeserializer());
        try {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // Seeks are lazy; resolving them now pins "the end" to this moment, not to the
            // poller's first poll.
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        this.poller = new Thread(this::pollLoop, "topic-probe-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /** Probe that sees everything already on {@code topic} and all that follows. */
    public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, true);
    }

    /** Probe that sees only records produced to {@code topic} after this call returns. */
    public static TopicProbe fromEnd(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, false);
    }

    /**
     * Waits until a record matching {@code match} has arrived and returns the first such one.
     *
     * @throws AssertionError if none arrives within {@code timeout}
     */
    public ConsumerRecord<String, String> awaitRecord(
            Predicate<ConsumerRecord<String, String>> match, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (seen) {
            while (true) {
                Optional<ConsumerRecord<String, String>> found =
                        seen.stream().filter(match).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (failure != null) {
                    throw new IllegalStateException("probe on " + topic + " failed", failure);
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError(
                            "no matching record on "
                                    + topic
                                    + " within "
                                    + timeout
                                    + "; saw "
                                    + seen.size()
                                    + " records: "
                                    + seen.stream()
                                            .map(r -> r.key() + "=" + r.value())
                                            .limit(20)
                                            .toList());
                }
                seen.wait(left);
            }
        }
    }

    /** A copy of every record seen so far, in arrival order. */
    public List<ConsumerRecord<String, String>> records() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Stops the background thread and closes the consumer. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join();
    }

    /**
     * Produces one record and waits until the broker has acknowledged it.
     *
     * @return where the record landed
     */
    public static RecordMetadata send(
            String bootstrapServers, String topic, String key, String value) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        }
    }

    private void pollLoop() {
        try {
            while (running) {
                var batch = consumer.poll(POLL);
                if (batch.isEmpty()) {
                    continue;
                }
                synchronized (seen) {
                    batch.forEach(seen::add);
                    seen.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            failure = e;
            synchronized (seen) {
                seen.notifyAll();
            }
        } finally {
            consumer.close();
        }
    }
}
