package dev.drover.jobs.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay, under {@code drover.outbox.*}. */
@ConfigMapping(prefix = "drover.outbox")
public interface OutboxConfig {

    /** Most rows one relay round locks, sends and deletes in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Seconds to wait for the broker to acknowledge one round before giving up on it. */
    @WithDefault("30")
    int sendTimeoutSeconds();

    /** Largest record the producer may send, in bytes; keep at or below the broker's limit. */
    @WithDefault("1048576")
    int maxRequestBytes();
}
