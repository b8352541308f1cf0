package dev.drover.scheduler.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.Event;
import dev.drover.scheduler.store.Inbox;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/** Turns a polled batch into the scheduler's inputs, skipping what is not for it. */
final class InputRecords {

    private static final Logger LOG = Logger.getLogger(InputRecords.class);

    private InputRecords() {}

    /** The batch's inputs in partition order; malformed or unknown records are skipped. */
    static List<Event> decode(
            ConsumerRecords<String, String> records, Class<? extends Event> type) {
        List<Event> inputs = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            Event event = decodeOne(record, type);
            if (Inbox.isInput(event)) {
                inputs.add(event);
            }
        }
        return inputs;
    }

    private static Event decodeOne(
            ConsumerRecord<String, String> record, Class<? extends Event> type) {
        if (record.value() == null) {
            return null;
        }
        try {
            Event event = EventCodec.decode(record.value(), type);
            if (event == null) {
                LOG.warnf(
                        "key=%s skipped a record of unknown type on %s-%d@%d",
                        record.key(), record.topic(), record.partition(), record.offset());
            }
            return event;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warnf(
                    "key=%s skipped a malformed record on %s-%d@%d: %s",
                    record.key(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return null;
        }
    }
}
