package dev.drover.provisioner.attempt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of one try of one instance: (job, task, instance index, attempt). Dedupe, journal and
 * events all key on it.
 *
 * @param jobId the job
 * @param taskName the task
 * @param index the instance index, 0-based
 * @param attempt the attempt, 1-based
 */
public record AttemptId(String jobId, String taskName, int index, int attempt) {

    /** The fields every log line about this attempt carries. */
    public String logContext() {
        return "jobId="
                + jobId
                + " task="
                + taskName
                + " instance="
                + index
                + " attempt="
                + attempt;
    }

    /**
     * A name safe for a directory: task names are free text, so the readable part is filtered and a
     * name-based UUID keeps two attempts apart.
     */
    public String fileName() {
        String readable = (jobId + "-" + taskName).replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 80) {
            readable = readable.substring(0, 80);
        }
        UUID unique = UUID.nameUUIDFromBytes(toString().getBytes(StandardCharsets.UTF_8));
        return readable + "-" + index + "-" + attempt + "-" + unique;
    }
}
