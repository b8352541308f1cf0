package dev.drover.jobs.submission;

import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Placement;
import java.time.Instant;

/**
 * Everything stored for one accepted job.
 *
 * @param jobId the new id
 * @param job the validated job with defaults filled in
 * @param placement where cloud instances go, or null
 * @param clientToken the idempotency key, or null
 * @param sourceRef topic/partition/offset of a Kafka submission, or null
 * @param requestHash SHA-256 of the canonical document, to tell a retry from a conflict
 * @param submittedJson the document as DescribeJobSubmitInfo returns it (secrets masked)
 * @param createTime when it was accepted
 */
record NewJob(
        String jobId,
        JobSpec job,
        Placement placement,
        String clientToken,
        String sourceRef,
        String requestHash,
        String submittedJson,
        Instant createTime) {}
