package dev.drover.jobs.support;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.TaskReady;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import java.util.List;
import java.util.Objects;

/** Reading and sending events on the test broker. */
public final class Events {

    private Events() {}

    public static TopicProbe probe(String topic) {
        return TopicProbe.fromEnd(LocalStackResource.bootstrapServers(), topic);
    }

    /** Every job event of {@code jobId} the probe saw, decoded. */
    public static List<JobEvent> jobEvents(TopicProbe probe, String jobId) {
        return probe.records().stream()
                .filter(r -> jobId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), JobEvent.class))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Every TaskReady of {@code jobId} the probe saw. */
    public static List<TaskReady> taskReady(TopicProbe probe, String jobId) {
        return probe.records().stream()
                .filter(r -> jobId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), TaskReady.class))
                .toList();
    }

    /** Sends {@code event} as the other services would: key jobId, value the encoded event. */
    public static void send(String topic, Event event) {
        TopicProbe.send(
                LocalStackResource.bootstrapServers(),
                topic,
                event.key(),
                EventCodec.encode(event));
    }

    /** Topics this module's tests listen on. */
    public static final String JOB_EVENTS = Topics.JOB_EVENTS;
}
