package dev.drover.jobs.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of job submission, under {@code drover.jobs.*}. */
@ConfigMapping(prefix = "drover.jobs")
public interface SubmissionConfig {

    /**
     * Largest SubmitJob body accepted, in bytes (default 16 MiB: a 20,000-task job is about 6 MB).
     * A larger body is answered 400 LimitExceeded stating this limit.
     */
    @WithDefault("16777216")
    int maxRequestBytes();

    /** Most tasks carried by one JobAccepted part; a larger job is published in several parts. */
    @WithDefault("500")
    int acceptedPartTasks();

    /** Most dependence edges carried by one JobAccepted part. */
    @WithDefault("1000")
    int acceptedPartEdges();

    /**
     * Most encoded task bytes in one JobAccepted part, so that tasks with long commands or many
     * variables still keep each record well under the broker's 1 MB limit.
     */
    @WithDefault("400000")
    int acceptedPartBytes();
}
