package dev.drover.scheduler.messaging;

import dev.drover.contract.EventCodec;
import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The test's side of the wire: publishes as job-service and provisioner, reads what we decide. */
final class Wire {

    static final Duration WAIT = Duration.ofSeconds(30);

    private static TopicProbe ready;
    private static TopicProbe tasks;
    private static TopicProbe jobs;

    private Wire() {}

    static synchronized void open() {
        if (ready == null) {
            String servers = LocalStackResource.bootstrapServers();
            ready = TopicProbe.fromEnd(servers, Topics.TASK_READY);
            tasks = TopicProbe.fromEnd(servers, Topics.TASK_EVENTS);
            jobs = TopicProbe.fromEnd(servers, Topics.JOB_EVENTS);
        }
    }

    static String newJobId() {
        return "job-" + UUID.randomUUID();
    }

    static void send(String topic, Event event) {
        TopicProbe.send(
                LocalStackResource.bootstrapServers(),
                topic,
                event.key(),
                EventCodec.encode(event));
    }

    /** Publishes a job as job-service does, in {@code parts} parts (tasks and edges sliced). */
    static List<JobAccepted> parts(String jobId, JobSpec spec, int parts) {
        List<JobAccepted> out = new ArrayList<>();
        JobSpec settings =
                new JobSpec(
                        spec.jobName(),
                        spec.jobDescription(),
                        spec.priority(),
                        List.of(),
                        List.of(),
                        spec.taskExecutionDependOn(),
                        spec.stateIfCreateCvmFailed(),
                        spec.tags());
        var edges =
                spec.dependences() == null
                        ? List.<dev.drover.contract.spec.Dependence>of()
                        : spec.dependences();
        for (int p = 0; p < parts; p++) {
            List<TaskSpec> taskSlice = slice(spec.tasks(), p, parts);
            out.add(
                    JobAccepted.of(
                            jobId,
                            p,
                            parts,
                            spec.tasks().size(),
                            edges.size(),
                            settings,
                            null,
                            taskSlice,
                            slice(edges, p, parts)));
        }
        return out;
    }

    static <T> List<T> slice(List<T> all, int part, int parts) {
        int from = all.size() * part / parts;
        int to = all.size() * (part + 1) / parts;
        return List.copyOf(all.subList(from, to));
    }

    static void accept(String jobId, JobSpec spec) {
        parts(jobId, spec, 1).forEach(p -> send(Topics.JOB_EVENTS, p));
    }

    static TaskReady awaitReady(String jobId, String task, int attempt)
            throws InterruptedException {
        return EventCodec.decode(
                ready.awaitRecord(
                                r -> {
                                    TaskReady t = EventCodec.decode(r.value(), TaskReady.class);
                                    return t.jobId().equals(jobId)
                                            && t.taskName().equals(task)
                                            && t.attempt() == attempt;
                                },
                                WAIT)
                        .value(),
                TaskReady.class);
    }

    static List<TaskReady> readies(String jobId, String task) {
        return ready.records().stream()
                .map(r -> EventCodec.decode(r.value(), TaskReady.class))
                .filter(t -> t.jobId().equals(jobId) && t.taskName().equals(task))
                .toList();
    }

    static TaskStateChanged awaitTask(String jobId, String task, State to)
            throws InterruptedException {
        return EventCodec.decode(
                tasks.awaitRecord(
                                r -> {
                                    TaskStateChanged t =
                                            EventCodec.decode(r.value(), TaskStateChanged.class);
                                    return t.jobId().equals(jobId)
                                            && t.taskName().equals(task)
                                            && t.to() == to;
                                },
                                WAIT)
                        .value(),
                TaskStateChanged.class);
    }

    static JobStateChanged awaitJob(String jobId, State to) throws InterruptedException {
        return (JobStateChanged)
                EventCodec.decode(
                        jobs.awaitRecord(
                                        r -> {
                                            Event e =
                                                    EventCodec.decode(
                                                            r.value(),
                                                            dev.drover.contract.event.JobEvent
                                                                    .class);
                                            return e instanceof JobStateChanged c
                                                    && c.jobId().equals(jobId)
                                                    && c.to() == to;
                                        },
                                        WAIT)
                                .value(),
                        dev.drover.contract.event.JobEvent.class);
    }
}
