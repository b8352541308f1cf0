package dev.drover.benchmark.scenario;

import dev.drover.benchmark.events.InstanceTimes;
import java.time.Instant;

/** The first process start and last process exit over a set of instances. */
final class Span {

    private Instant firstStart;
    private Instant lastExit;
    private int count;

    void add(InstanceTimes instance) {
        if (firstStart == null || instance.started().isBefore(firstStart)) {
            firstStart = instance.started();
        }
        if (lastExit == null || instance.ended().isAfter(lastExit)) {
            lastExit = instance.ended();
        }
        count++;
    }

    Instant firstStart() {
        return firstStart;
    }

    Instant lastExit() {
        return lastExit;
    }

    /** Instances per second from the first start to the last exit. */
    double perSecond() {
        return count / (dev.drover.benchmark.report.Stats.millis(firstStart, lastExit) / 1000);
    }
}
