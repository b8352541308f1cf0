package dev.drover.benchmark.events;

import java.time.Instant;

/**
 * What the provisioner reported about the first attempt of one instance. Times are the ones in the
 * events (the provisioner's clock, microsecond precision); {@code endSentMillis} is the Kafka
 * record timestamp of the final event, i.e. when its producer sent it.
 */
public final class InstanceTimes {

    Instant started;
    Instant ended;
    long endSentMillis;
    boolean succeeded;

    /**
     * When the command's process started (startedAt of InstanceRunning or of the final event: the
     * provisioner reports RUNNING only for attempts still running after a short delay), or null.
     */
    public Instant started() {
        return started;
    }

    /** When the command's process exited, or null while it runs. */
    public Instant ended() {
        return ended;
    }

    /** When the final event was sent (record timestamp, epoch ms). */
    public long endSentMillis() {
        return endSentMillis;
    }

    /** Whether the attempt succeeded. */
    public boolean succeeded() {
        return succeeded;
    }
}
