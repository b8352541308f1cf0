package dev.drover.benchmark.events;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code drover.instance.events}, {@code drover.task.ready} and {@code drover.job.events}
 * from the beginning (no consumer group, so it never takes partitions from a service) and keeps a
 * {@link JobTimeline} per job. The times come from the events themselves, so how fast this reader
 * polls does not change any figure.
 */
public final class EventRecorder implements AutoCloseable {

    private static final List<String> TOPICS =
            List.of(Topics.INSTANCE_EVENTS, Topics.TASK_READY, Topics.JOB_EVENTS);

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, JobTimeline> jobs = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts reading from {@code bootstrapServers}. */
    public EventRecorder(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(32 << 20));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 << 20));
        consumer = new KafkaConsumer<>(p);
        thread = new Thread(this::loop, "bench-event-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until every partition is assigned, so no event of a later job can be missed. */
    public void awaitAssigned(Duration timeout) throws InterruptedException {
        if (!assigned.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the event recorder found no partitions");
        }
    }

    /** The timeline of {@code jobId}, created empty if nothing was seen yet. */
    public JobTimeline job(String jobId) {
        return jobs.computeIfAbsent(jobId, id -> new JobTimeline());
    }

    /** Drops what was recorded of a job whose figures were taken. */
    public void forget(String jobId) {
        jobs.remove(jobId);
    }

    private void loop() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    record(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void record(ConsumerRecord<String, String> r) {
        try {
            switch (r.topic()) {
                case Topics.INSTANCE_EVENTS ->
                        instance(EventCodec.decode(r.value(), InstanceEvent.class), r.timestamp());
                case Topics.TASK_READY ->
                        ready(EventCodec.decode(r.value(), TaskReady.class), r.timestamp());
                default -> jobEvent(EventCodec.decode(r.value(), JobEvent.class));
            }
        } catch (RuntimeException e) {
            System.err.println("bench: skipped an unreadable record on " + r.topic() + ": " + e);
        }
    }

    private void instance(InstanceEvent event, long sent) {
        if (event == null) {
            return;
        }
        JobTimeline job = job(event.jobId());
        String task = event.taskName();
        int index = event.instanceIndex();
        int attempt = event.attempt();
        if (event instanceof InstanceRunning s) {
            job.running(task, index, attempt, s.startedAt());
        } else if (event instanceof InstanceSucceeded s) {
            job.ended(task, index, attempt, true, s.startedAt(), s.endedAt(), sent);
        } else if (event instanceof InstanceFailed f) {
            job.ended(task, index, attempt, false, f.startedAt(), f.endedAt(), sent);
        }
    }

    private void ready(TaskReady event, long sent) {
        if (event != null) {
            job(event.jobId())
                    .taskReady(event.taskName(), event.attempt(), event.occurredAt(), sent);
        }
    }

    private void jobEvent(JobEvent event) {
        if (event instanceof JobStateChanged changed && changed.to().isTerminal()) {
            job(changed.jobId()).finished(changed.to().name(), changed.reason());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
