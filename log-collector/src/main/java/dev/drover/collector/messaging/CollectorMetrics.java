package dev.drover.collector.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the collector counts, exported on {@code /q/metrics}. */
final class CollectorMetrics {

    final Counter chunksAccepted;
    final Counter bytesSpooled;
    final Counter duplicatesIgnored;
    final Counter recordsSkipped;
    final Counter objectsArchived;
    final Counter bytesArchived;
    final Counter streamsRefused;

    CollectorMetrics(MeterRegistry registry) {
        chunksAccepted = counter(registry, "drover.collector.chunks.accepted", "new chunks held");
        bytesSpooled = counter(registry, "drover.collector.bytes.received", "new log bytes held");
        duplicatesIgnored =
                counter(registry, "drover.collector.duplicates.ignored", "chunks seen before");
        recordsSkipped =
                counter(registry, "drover.collector.records.skipped", "undecodable records");
        objectsArchived =
                counter(registry, "drover.collector.objects.archived", "streams archived");
        bytesArchived = counter(registry, "drover.collector.bytes.archived", "bytes archived");
        streamsRefused =
                counter(registry, "drover.collector.streams.refused", "unsafe object names");
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
