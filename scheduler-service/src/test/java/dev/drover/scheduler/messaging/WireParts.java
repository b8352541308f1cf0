package dev.drover.scheduler.messaging;

import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.spec.JobSpec;
import java.util.List;

/** JobAccepted parts as job-service publishes them, for tests outside this package. */
public final class WireParts {

    private WireParts() {}

    public static JobAccepted single(String jobId, JobSpec spec) {
        return Wire.parts(jobId, spec, 1).get(0);
    }

    public static List<JobAccepted> split(String jobId, JobSpec spec, int parts) {
        return Wire.parts(jobId, spec, parts);
    }
}
