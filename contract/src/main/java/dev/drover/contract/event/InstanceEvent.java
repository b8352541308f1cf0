package dev.drover.contract.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything on {@code drover.instance.events}: what happened to one attempt of one instance. (job,
 * task, instance index, attempt) identifies the attempt; consumers dedupe on it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = Void.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = InstanceStarting.class, name = "InstanceStarting"),
    @JsonSubTypes.Type(value = InstanceRequeued.class, name = "InstanceRequeued"),
    @JsonSubTypes.Type(value = InstanceRunning.class, name = "InstanceRunning"),
    @JsonSubTypes.Type(value = InstanceSucceeded.class, name = "InstanceSucceeded"),
    @JsonSubTypes.Type(value = InstanceFailed.class, name = "InstanceFailed")
})
public sealed interface InstanceEvent extends Event
        permits InstanceStarting, InstanceRequeued, InstanceRunning, InstanceEnded {

    /** The task the instance belongs to. */
    String taskName();

    /** The instance's index, 0-based, unchanged across retries. */
    int instanceIndex();

    /** The attempt number, 1 for the first. */
    int attempt();
}
