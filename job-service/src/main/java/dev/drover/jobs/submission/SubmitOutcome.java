package dev.drover.jobs.submission;

import dev.drover.jobs.validation.Validation;

/** What became of one submission, whichever door it came through. */
public sealed interface SubmitOutcome {

    /**
     * The job is stored.
     *
     * @param jobId its id
     * @param created false when a retried submission found the job it had created before
     */
    record Accepted(String jobId, boolean created) implements SubmitOutcome {}

    /** Validation refused the document; nothing was stored or published. */
    record Rejected(Validation.Invalid invalid) implements SubmitOutcome {}

    /**
     * The ClientToken already names a job submitted with a different document.
     *
     * @param clientToken the token
     * @param jobId the job that holds it
     */
    record TokenConflict(String clientToken, String jobId) implements SubmitOutcome {}
}
