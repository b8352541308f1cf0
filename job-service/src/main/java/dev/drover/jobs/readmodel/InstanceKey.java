package dev.drover.jobs.readmodel;

import dev.drover.contract.event.InstanceEvent;

/** Identifies an instance index across its attempts. */
record InstanceKey(String jobId, String taskName, int index) {

    static InstanceKey of(InstanceEvent event) {
        return new InstanceKey(event.jobId(), event.taskName(), event.instanceIndex());
    }
}
