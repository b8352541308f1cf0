package dev.drover.cloudstub.tencent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One instance's life: PENDING until booted, RUNNING, TERMINATING after terminate, then gone. */
final class Vm {

    final String id;
    final String type;
    final String zone;
    final String imageId;
    final String chargeType;
    final Map<String, String> tags;
    final Path sandbox;
    final Instant created;
    private final Instant runningAt;
    private volatile Instant terminatedAt;
    private volatile Instant goneAt;

    Vm(
            String id,
            String type,
            String zone,
            String imageId,
            String chargeType,
            Map<String, String> tags,
            Path sandbox,
            Instant created,
            Duration bootTime) {
        this.id = id;
        this.type = type;
        this.zone = zone;
        this.imageId = imageId;
        this.chargeType = chargeType;
        this.tags = Map.copyOf(tags);
        this.sandbox = sandbox;
        this.created = created;
        this.runningAt = created.plus(bootTime);
    }

    String state(Instant now) {
        if (terminatedAt != null) {
            return "TERMINATING";
        }
        return now.isBefore(runningAt) ? "PENDING" : "RUNNING";
    }

    boolean isGone(Instant now) {
        return goneAt != null && !now.isBefore(goneAt);
    }

    /** Starts termination; a second call changes nothing. */
    synchronized boolean terminate(Instant now, Duration shutdownTime) {
        if (terminatedAt != null) {
            return false;
        }
        terminatedAt = now;
        goneAt = now.plus(shutdownTime);
        return true;
    }

    StubVm view(Instant now) {
        return new StubVm(id, state(now), type, zone, imageId, chargeType, tags, sandbox, created);
    }
}
