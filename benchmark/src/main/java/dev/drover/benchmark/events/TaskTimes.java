package dev.drover.benchmark.events;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One task's release (its first TaskReady) and its instances. */
public final class TaskTimes {

    Instant readyCreated;
    long readySentMillis;
    final Map<Integer, InstanceTimes> instances = new TreeMap<>();

    /** When the releasing service decided the release (TaskReady.occurredAt), or null. */
    public Instant readyCreated() {
        return readyCreated;
    }

    /** When the TaskReady record was sent, after its transaction (epoch ms). */
    public long readySentMillis() {
        return readySentMillis;
    }

    /** The instances by index. */
    public Map<Integer, InstanceTimes> instances() {
        return instances;
    }

    InstanceTimes instance(int index) {
        return instances.computeIfAbsent(index, i -> new InstanceTimes());
    }
}
