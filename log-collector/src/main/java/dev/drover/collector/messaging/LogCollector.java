package dev.drover.collector.messaging;

import dev.drover.collector.CollectorConfig;
import dev.drover.collector.TencentCloudCredentials;
import dev.drover.collector.archive.ArchiveStores;
import dev.drover.collector.archive.Archiver;
import dev.drover.collector.spool.Spool;
import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.store.Stores;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts and stops the collector: one consumer thread over a spool directory. {@link #stop()} then
 * {@link #start()} gives a fresh consumer and a fresh spool on the same directory, as a restart of
 * the process would.
 */
@ApplicationScoped
public class LogCollector {

    private static final Logger LOG = Logger.getLogger(LogCollector.class);

    private final CollectorConfig config;
    private final TencentCloudCredentials keys;
    private final String bootstrapServers;
    private final CollectorMetrics metrics;
    private Running running;

    LogCollector(
            CollectorConfig config,
            TencentCloudCredentials keys,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.config = config;
        this.keys = keys;
        this.bootstrapServers = bootstrapServers;
        this.metrics = new CollectorMetrics(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.collector().autoStart()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts a consumer over the configured spool directory, unless one runs. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        CollectorConfig.Collector settings = config.collector();
        ExecutorService io = Executors.newFixedThreadPool(Math.max(1, settings.ioThreads()));
        LocalStoreLayout layout = new LocalStoreLayout(config.store().root());
        Stores stores = ArchiveStores.open(config, keys);
        Archiver archiver = new Archiver(stores, layout);
        Spool spool = new Spool(settings.spoolDir(), settings.maxOpenFiles(), io);
        ArchivedPublisher publisher = new ArchivedPublisher(bootstrapServers);
        LogConsumerLoop loop =
                new LogConsumerLoop(
                        consumerConfig(settings),
                        spool,
                        new ArchiveBatch(archiver, io),
                        publisher,
                        metrics,
                        settings.retention());
        Thread thread = new Thread(loop, "log-collector");
        running = new Running(loop, thread, publisher, io, stores);
        thread.start();
        LOG.infof(
                "log collector started spool=%s store=%s cos=%s",
                settings.spoolDir(), layout.root(), config.cos().enabled());
    }

    /** Stops the consumer: nothing more is committed; spool files stay for the next start. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        running.loop.stop();
        try {
            running.thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.publisher.close();
        running.io.shutdownNow();
        running.stores.close();
        running = null;
        LOG.info("log collector stopped");
    }

    /** Whether a consumer session is polling the broker. */
    public synchronized boolean connected() {
        return running != null && running.loop.connected();
    }

    private Map<String, Object> consumerConfig(CollectorConfig.Collector settings) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                settings.maxPollRecords(),
                // Bounded fetches: 64 KiB chunks, base64 in JSON, must not crowd a small heap.
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                16 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                4 * 1024 * 1024,
                // A crashed collector's partitions move after 10 s, not Kafka's default 45 s.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                10_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
    }

    private record Running(
            LogConsumerLoop loop,
            Thread thread,
            ArchivedPublisher publisher,
            ExecutorService io,
            Stores stores) {}
}
