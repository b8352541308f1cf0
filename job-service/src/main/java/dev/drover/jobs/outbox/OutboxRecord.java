package dev.drover.jobs.outbox;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.Event;

/**
 * One Kafka record waiting in the outbox.
 *
 * @param topic where it goes
 * @param key the record key: the jobId, or a rejected submission's own key
 * @param payload the encoded event
 */
public record OutboxRecord(String topic, String key, String payload) {

    /** The record for {@code event} on {@code topic}, keyed as the wire conventions say. */
    public static OutboxRecord of(String topic, Event event) {
        return new OutboxRecord(topic, event.key(), EventCodec.encode(event));
    }
}
