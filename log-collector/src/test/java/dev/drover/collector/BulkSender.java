package dev.drover.collector;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.LogChunk;
import dev.drover.localstack.LocalStackResource;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One producer for many chunks, as the provisioner keeps one: {@code TopicProbe.send} opens a
 * producer per record, too slow for thousands of chunks. Closing waits for every acknowledgement.
 */
final class BulkSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            LocalStackResource.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            5),
                    new StringSerializer(),
                    new StringSerializer());

    void send(LogChunk chunk) {
        producer.send(new ProducerRecord<>(Topics.LOGS, chunk.key(), EventCodec.encode(chunk)));
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
