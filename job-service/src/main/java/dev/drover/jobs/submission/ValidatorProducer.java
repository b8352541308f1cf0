package dev.drover.jobs.submission;

import dev.drover.jobs.validation.JobValidator;
import dev.drover.jobs.validation.ValidationLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one validator, shared by every door a submission comes through; it is stateless. */
public class ValidatorProducer {

    @Produces
    @Singleton
    JobValidator validator(ValidationLimits limits) {
        return new JobValidator(limits);
    }
}
