package dev.drover.jobs.validation;

import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Placement;
import java.util.List;

/** The outcome of validating a SubmitJob body: the job with defaults filled in, or its faults. */
public sealed interface Validation permits Validation.Valid, Validation.Invalid {

    /**
     * An acceptable submission.
     *
     * @param job the job with every default filled in and empty lists instead of null
     * @param placement the Placement as sent, or null when the body had none
     * @param clientToken the idempotency key, or null when the body had none
     */
    record Valid(JobSpec job, Placement placement, String clientToken) implements Validation {}

    /**
     * A refused submission.
     *
     * @param first the first fault in document order; its code is the answer's code
     * @param all every fault found, in document order, at most {@link JobValidator#MAX_VIOLATIONS}
     */
    record Invalid(Violation first, List<Violation> all) implements Validation {

        public Invalid {
            all = List.copyOf(all);
        }
    }
}
