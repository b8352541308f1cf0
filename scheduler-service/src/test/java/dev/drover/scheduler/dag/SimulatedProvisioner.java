package dev.drover.scheduler.dag;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.TaskReady;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plays the provisioner against the core: runs what TaskReady dispatches, with random outcomes, and
 * delivers its reports in random order, some of them more than once.
 */
final class SimulatedProvisioner {

    private final String jobId;
    private final Random random;
    private final double failureRate;
    private final List<InstanceEvent> undelivered = new ArrayList<>();
    private boolean terminated;

    SimulatedProvisioner(String jobId, Random random, double failureRate) {
        this.jobId = jobId;
        this.random = random;
        this.failureRate = failureRate;
    }

    /** Runs every index of a TaskReady (or answers TERMINATED once the job was terminated). */
    void accept(TaskReady ready) {
        for (int index : ready.instanceIndexes()) {
            start(ready.taskName(), index, ready.attempt());
        }
    }

    void start(String task, int index, int attempt) {
        if (terminated) {
            undelivered.add(failure(task, index, attempt, FailureKind.TERMINATED));
            return;
        }
        if (random.nextBoolean()) {
            undelivered.add(InstanceStarting.of(jobId, task, index, attempt));
        }
        undelivered.add(InstanceRunning.of(jobId, task, index, attempt, Instant.now()));
        double roll = random.nextDouble();
        if (roll < failureRate * 0.1) {
            undelivered.add(failure(task, index, attempt, FailureKind.INTERRUPTED));
        } else if (roll < failureRate) {
            undelivered.add(failure(task, index, attempt, FailureKind.EXIT_CODE));
        } else {
            undelivered.add(
                    InstanceSucceeded.of(
                            jobId, task, index, attempt, Instant.now(), Instant.now()));
        }
    }

    /** Kills what runs: each undelivered final report becomes TERMINATED. */
    void terminate() {
        terminated = true;
        undelivered.replaceAll(
                event ->
                        event instanceof InstanceSucceeded || event instanceof InstanceFailed
                                ? failure(
                                        event.taskName(),
                                        event.instanceIndex(),
                                        event.attempt(),
                                        FailureKind.TERMINATED)
                                : event);
    }

    boolean idle() {
        return undelivered.isEmpty();
    }

    /** One report, picked at random; sometimes it stays queued to be delivered again. */
    InstanceEvent next() {
        int pick = random.nextInt(undelivered.size());
        InstanceEvent event = undelivered.get(pick);
        if (random.nextDouble() >= 0.2) {
            undelivered.remove(pick);
        }
        return event;
    }

    private InstanceFailed failure(String task, int index, int attempt, FailureKind kind) {
        return InstanceFailed.of(
                jobId, task, index, attempt, kind, 3, kind.name(), Instant.now(), Instant.now());
    }
}
