package dev.drover.contract.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything on {@code drover.job.events}. The {@code type} property names the record; a type this
 * version does not know decodes to {@code null} and is skipped.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Void.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobAccepted.class, name = "JobAccepted"),
    @JsonSubTypes.Type(value = JobRejected.class, name = "JobRejected"),
    @JsonSubTypes.Type(value = TerminateJob.class, name = "TerminateJob"),
    @JsonSubTypes.Type(value = RetryJob.class, name = "RetryJob"),
    @JsonSubTypes.Type(value = JobStateChanged.class, name = "JobStateChanged")
})
public sealed interface JobEvent extends Event
        permits JobAccepted, JobRejected, TerminateJob, RetryJob, JobStateChanged {}
