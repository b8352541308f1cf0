package dev.drover.contract.event;

import java.time.Instant;

/**
 * A bounded piece of one attempt's stdout or stderr, raw bytes (base64 in JSON). Chunks of one
 * stream are numbered from 0 without gaps; the last one has {@code last} set and may be empty.
 *
 * @param eventId unique event id
 * @param occurredAt when the bytes were read
 * @param jobId the job
 * @param schemaVersion wire format version
 * @param taskName the task
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param stream stdout or stderr
 * @param seq this chunk's number within the stream, from 0
 * @param data the bytes, exactly as the process wrote them
 * @param last whether this chunk ends the stream
 * @param redirectPath the remote directory to archive into (ends in /), or null for the default
 *     store
 * @param fileName the object name, placeholders already resolved
 */
public record LogChunk(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String taskName,
        int instanceIndex,
        int attempt,
        LogStream stream,
        long seq,
        byte[] data,
        boolean last,
        String redirectPath,
        String fileName)
        implements Event {

    public static LogChunk of(
            String jobId,
            String taskName,
            int index,
            int attempt,
            LogStream stream,
            long seq,
            byte[] data,
            boolean last,
            String redirectPath,
            String fileName) {
        return new LogChunk(
                Event.newId(),
                Instant.now(),
                jobId,
                SCHEMA_VERSION,
                taskName,
                index,
                attempt,
                stream,
                seq,
                data,
                last,
                redirectPath,
                fileName);
    }
}
