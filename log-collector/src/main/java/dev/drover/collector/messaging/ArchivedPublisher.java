package dev.drover.collector.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.LogsArchived;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Announces archived streams on {@code drover.logs.archived}, keyed by jobId, and waits for the
 * broker's acknowledgement, so that the chunks' offsets are committed only after the announcement
 * is safe. A crash in between announces the stream again (consumers dedupe).
 */
final class ArchivedPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArchivedPublisher.class);

    private final KafkaProducer<String, String> producer;

    ArchivedPublisher(String bootstrapServers) {
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                1,
                                ProducerConfig.CLIENT_ID_CONFIG,
                                "drover-log-collector"),
                        new StringSerializer(),
                        new StringSerializer());
    }

    /** Sends every event and returns once the broker has them all. */
    void publish(List<LogsArchived> events) throws IOException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (LogsArchived event : events) {
            sent.add(
                    producer.send(
                            new ProducerRecord<>(
                                    Topics.LOGS_ARCHIVED, event.key(), EventCodec.encode(event))));
            LOG.debugf(
                    "out LogsArchived jobId=%s task=%s instance=%d attempt=%d stream=%s",
                    event.jobId(),
                    event.taskName(),
                    event.instanceIndex(),
                    event.attempt(),
                    event.stream().label());
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while announcing archived logs", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("could not announce archived logs", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
