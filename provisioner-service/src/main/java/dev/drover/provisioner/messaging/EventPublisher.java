package dev.drover.provisioner.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.LogChunk;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends what the provisioner reports. Instance events and log chunks use separate producers, so a
 * backlog of log bytes never delays a state change. The log producer's buffer is bounded: when a
 * slow broker fills it, {@link #logChunk} blocks, which in turn stops reading the command's pipe
 * and so stalls the command instead of growing our heap.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private KafkaProducer<String, String> events;
    private KafkaProducer<String, String> logs;

    @PostConstruct
    void open() {
        events = new KafkaProducer<>(eventConfig(), new StringSerializer(), new StringSerializer());
        logs = new KafkaProducer<>(logConfig(), new StringSerializer(), new StringSerializer());
    }

    @PreDestroy
    void close() {
        events.close();
        logs.close();
    }

    /** Sends an instance event; the future completes when the broker has it. */
    public CompletableFuture<Void> instanceEvent(InstanceEvent event) {
        LOG.debugf("out %s %s", event.getClass().getSimpleName(), event.jobId());
        return send(events, Topics.INSTANCE_EVENTS, event);
    }

    /** Sends a log chunk, blocking while the producer's bounded buffer is full. */
    public CompletableFuture<Void> logChunk(LogChunk chunk) {
        while (true) {
            try {
                return send(logs, Topics.LOGS, chunk);
            } catch (TimeoutException e) {
                // Broker unreachable for max.block.ms: keep the bytes and keep waiting.
                LOG.warnf("log producer blocked: %s; retrying", e.getMessage());
            }
        }
    }

    private static CompletableFuture<Void> send(
            KafkaProducer<String, String> producer, String topic, Event event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        String value = EventCodec.encode(event);
        producer.send(
                new ProducerRecord<>(topic, event.key(), value),
                (metadata, error) -> {
                    if (error == null) {
                        acked.complete(null);
                    } else {
                        acked.completeExceptionally(error);
                    }
                });
        return acked;
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        return config;
    }

    private Map<String, Object> eventConfig() {
        Map<String, Object> config = common();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "drover-provisioner-events");
        return config;
    }

    private Map<String, Object> logConfig() {
        Map<String, Object> config = common();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "drover-provisioner-logs");
        // One 64 KiB chunk is ~88 KB of JSON: batches hold a few, requests many.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        return config;
    }
}
