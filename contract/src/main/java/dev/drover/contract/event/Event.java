package dev.drover.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** What every record on every Drover topic carries. */
public interface Event {

    /** The wire format version this code writes; readers accept this one and older. */
    int SCHEMA_VERSION = 1;

    /** Unique per event; a redelivered record keeps its id, so consumers can recognise it. */
    String eventId();

    /** When the producer decided the event (UTC). */
    Instant occurredAt();

    /** The job the event is about; also the partition key. */
    String jobId();

    /** The wire format version the producer wrote. */
    int schemaVersion();

    /** The Kafka record key: the jobId, so that one job's events stay in order. */
    @JsonIgnore
    default String key() {
        return jobId();
    }

    /** A fresh event id. */
    static String newId() {
        return UUID.randomUUID().toString();
    }
}
