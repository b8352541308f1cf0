package dev.drover.jobs.outbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka producer of the outbox relay. Idempotent and acks=all, so a broker retry never
 * duplicates or reorders a job's records; a short linger keeps an edge in milliseconds.
 */
@ApplicationScoped
public class RelayProducer {

    private final KafkaProducer<String, String> producer;

    public RelayProducer(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            OutboxConfig config) {
        Map<String, Object> settings =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        1,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        config.maxRequestBytes(),
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "none",
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "drover-job-service-outbox");
        this.producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    public Producer<String, String> get() {
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        producer.close();
    }
}
