package dev.drover.collector.messaging;

import dev.drover.collector.spool.CompletedStream;
import dev.drover.collector.spool.Spool;
import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogsArchived;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The collector's one consumer thread. Per polled batch: hold each chunk in the spool (dropping
 * duplicates by seq), force the spool once, archive the streams that completed, announce them, and
 * only then commit offsets. Any failure ends the session: in-memory state is dropped and a new
 * session re-reads from the committed offsets, rebuilding what it needs from the spool files.
 */
final class LogConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(LogConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final Map<String, Object> consumerConfig;
    private final Spool spool;
    private final ArchiveBatch archiveBatch;
    private final ArchivedPublisher publisher;
    private final CollectorMetrics metrics;
    private final Duration retention;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile KafkaConsumer<String, String> consumer;
    private Instant nextSweep = Instant.now();

    LogConsumerLoop(
            Map<String, Object> consumerConfig,
            Spool spool,
            ArchiveBatch archiveBatch,
            ArchivedPublisher publisher,
            CollectorMetrics metrics,
            Duration retention) {
        this.consumerConfig = consumerConfig;
        this.spool = spool;
        this.archiveBatch = archiveBatch;
        this.publisher = publisher;
        this.metrics = metrics;
        this.retention = retention;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                session();
                backoff = Duration.ofMillis(200);
            } catch (WakeupException e) {
                // stop() woke the consumer.
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.errorf(
                        e, "log consumer failed; resuming from committed offsets in %s", backoff);
                awaitStop(backoff);
                backoff =
                        backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                                ? Duration.ofSeconds(30)
                                : backoff.multipliedBy(2);
            }
        }
    }

    /** Whether a session is polling the broker. */
    boolean connected() {
        return connected;
    }

    /** Ends the loop; the thread returns soon after, without committing anything more. */
    void stop() {
        running = false;
        stopped.countDown();
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void awaitStop(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void session() throws IOException {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            kafka.subscribe(List.of(Topics.LOGS), new Rebalance());
            while (running) {
                ConsumerRecords<String, String> batch = kafka.poll(POLL);
                connected = true;
                process(batch);
                commit(kafka);
                sweepWhenDue();
            }
        } finally {
            connected = false;
            consumer = null;
            positions.clear();
            committed.clear();
            spool.close();
        }
    }

    private void process(ConsumerRecords<String, String> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<LogsArchived> announce = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            take(record, announce);
            positions.put(
                    new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }

        // Durable before anything is archived or committed: one force per written file per batch.
        long taken = System.nanoTime();
        spool.flush();

        long flushed = System.nanoTime();
        List<CompletedStream> completed = spool.drainCompleted();
        for (ArchiveBatch.Result result : archiveBatch.archive(completed)) {
            spool.markArchived(result.stream(), result.marker());
            if (result.announced()) {
                announce.add(result.marker());
                metrics.objectsArchived.increment();
                metrics.bytesArchived.increment(result.marker().size());
            } else {
                metrics.streamsRefused.increment();
            }
        }
        long archived = System.nanoTime();
        publisher.publish(announce);
        LOG.debugf(
                "batch records=%d take=%dms flush=%dms archive=%dms (%d streams) publish=%dms",
                batch.count(),
                (taken - started) / 1_000_000,
                (flushed - taken) / 1_000_000,
                (archived - flushed) / 1_000_000,
                completed.size(),
                (System.nanoTime() - archived) / 1_000_000);
    }

    private void take(ConsumerRecord<String, String> record, List<LogsArchived> announce)
            throws IOException {
        LogChunk chunk = decode(record);
        if (chunk == null) {
            metrics.recordsSkipped.increment();
            return;
        }
        Spool.Verdict verdict = spool.accept(chunk, record.partition(), record.offset());
        switch (verdict.outcome()) {
            case ACCEPTED -> {
                metrics.chunksAccepted.increment();
                metrics.bytesSpooled.increment(chunk.data() == null ? 0 : chunk.data().length);
            }
            case DUPLICATE -> duplicate(chunk);
            case ARCHIVED_BEFORE -> {
                duplicate(chunk);
                if (chunk.last() && verdict.archived().uri() != null) {
                    announce.add(verdict.archived());
                }
            }
        }
    }

    private void duplicate(LogChunk chunk) {
        metrics.duplicatesIgnored.increment();
        LOG.debugf(
                "duplicate chunk ignored jobId=%s task=%s instance=%d attempt=%d stream=%s seq=%d",
                chunk.jobId(),
                chunk.taskName(),
                chunk.instanceIndex(),
                chunk.attempt(),
                chunk.stream(),
                chunk.seq());
    }

    private static LogChunk decode(ConsumerRecord<String, String> record) {
        try {
            LogChunk chunk = EventCodec.decode(record.value(), LogChunk.class);
            if (chunk != null && isWellFormed(chunk)) {
                return chunk;
            }
            LOG.warnf(
                    "skipping malformed LogChunk at %s-%d@%d",
                    record.topic(), record.partition(), record.offset());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "skipping undecodable record at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
        return null;
    }

    private static boolean isWellFormed(LogChunk chunk) {
        return chunk.jobId() != null
                && chunk.taskName() != null
                && chunk.stream() != null
                && chunk.seq() >= 0
                && chunk.attempt() >= 1
                && chunk.instanceIndex() >= 0;
    }

    // Commit up to what was processed, but not past the first chunk of a stream still open.
    private void commit(KafkaConsumer<String, String> kafka) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach(
                (partition, position) -> {
                    long offset =
                            Math.min(
                                    position,
                                    spool.holdBack(partition.partition()).orElse(position));
                    if (offset > committed.getOrDefault(partition, -1L)) {
                        offsets.put(partition, new OffsetAndMetadata(offset));
                    }
                });
        if (!offsets.isEmpty()) {
            kafka.commitSync(offsets);
            offsets.forEach((partition, meta) -> committed.put(partition, meta.offset()));
        }
    }

    private void sweepWhenDue() throws IOException {
        Instant now = Instant.now();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        int removed = spool.sweep(now.minus(retention));
        if (removed > 0) {
            LOG.infof("swept %d spool files older than %s", removed, retention);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                spool.forget(partitions.stream().map(TopicPartition::partition).toList());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            partitions.forEach(positions::remove);
            partitions.forEach(committed::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.infof("log partitions assigned %s", partitions);
        }
    }
}
