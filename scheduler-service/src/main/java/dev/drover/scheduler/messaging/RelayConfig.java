package dev.drover.scheduler.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How the outbox relay publishes decided events. */
@ConfigMapping(prefix = "drover.scheduler.relay")
public interface RelayConfig {

    /** Most outbox rows published and deleted per relay transaction. */
    @WithDefault("1000")
    int batchSize();

    /** Kafka producer linger.ms: 0 sends at once, which is what an edge's latency wants. */
    @WithDefault("0")
    int lingerMs();

    /** Seconds to wait for the broker's acknowledgement of one relay batch. */
    @WithName("ack-timeout-seconds")
    @WithDefault("30")
    int ackTimeoutSeconds();
}
