package dev.drover.jobs.readmodel;

import dev.drover.contract.EventCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Decodes a batch of records, skipping (with a WARN) what is malformed and (silently) what this
 * version does not know, so one poison record never stalls a partition.
 */
final class Decoded {

    private static final Logger LOG = Logger.getLogger(Decoded.class);

    private Decoded() {}

    static <T> List<T> all(Iterable<ConsumerRecord<String, String>> records, Class<T> type) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                T event = record.value() == null ? null : EventCodec.decode(record.value(), type);
                if (event != null) {
                    events.add(event);
                }
            } catch (RuntimeException e) {
                LOG.warnf(
                        "skipping malformed record on %s partition=%d offset=%d: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        return events;
    }
}
