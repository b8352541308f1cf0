package dev.drover.contract.event;

import java.time.Instant;
import java.util.List;

/**
 * A submission from {@code drover.job.submissions} failed validation. No job exists, so the record
 * is keyed by the submission's own key.
 *
 * @param eventId unique event id
 * @param occurredAt when the submission was judged
 * @param jobId always null: nothing was created
 * @param schemaVersion wire format version
 * @param submissionKey the key of the submission record, to correlate the answer
 * @param clientToken the submission's ClientToken, if any
 * @param code the error code, Tencent's for the same fault
 * @param detail a sentence naming the field and task at fault
 * @param fields the offending field paths
 */
public record JobRejected(
        String eventId,
        Instant occurredAt,
        String jobId,
        int schemaVersion,
        String submissionKey,
        String clientToken,
        String code,
        String detail,
        List<String> fields)
        implements JobEvent {

    public static JobRejected of(
            String submissionKey,
            String clientToken,
            String code,
            String detail,
            List<String> fields) {
        return new JobRejected(
                Event.newId(),
                Instant.now(),
                null,
                SCHEMA_VERSION,
                submissionKey,
                clientToken,
                code,
                detail,
                fields);
    }

    @Override
    public String key() {
        return submissionKey;
    }
}
