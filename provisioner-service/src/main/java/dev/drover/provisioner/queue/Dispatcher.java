package dev.drover.provisioner.queue;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.TaskReady;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptId;
import dev.drover.provisioner.attempt.AttemptRunner;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.attempt.Journal;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Takes released work in, keeps it in the {@link CapacityQueue}, and starts attempts on worker
 * threads as slots free up. An attempt that found no machine and waits for one
 * (StateIfCreateCvmFailed RUNNABLE) rests outside the queue, holding no slot, until its wait is
 * over. Deciding happens under this object's lock; starting, reporting and killing happen outside
 * it.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject ProvisionerConfig config;
    @Inject Journal journal;
    @Inject AttemptRunner runner;
    @Inject MeterRegistry metrics;

    private final AtomicLong arrivals = new AtomicLong();
    private final Map<AttemptId, Attempt> live = new ConcurrentHashMap<>();
    private final Map<AttemptId, Attempt> resting = new ConcurrentHashMap<>();
    private CapacityQueue queue;
    private ExecutorService workers;
    private ScheduledExecutorService wakeups;
    private boolean closed;

    @PostConstruct
    void init() {
        queue = new CapacityQueue(config.effectiveSlots());
        workers =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "attempt-worker");
                            t.setDaemon(true);
                            return t;
                        });
        wakeups =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "attempt-wakeups");
                            t.setDaemon(true);
                            return t;
                        });
        metrics.gauge("drover.provisioner.attempts.waiting", this, d -> d.waiting());
        metrics.gauge("drover.provisioner.attempts.running", live, Map::size);
        metrics.gauge("drover.provisioner.attempts.requeued", resting, Map::size);
        LOG.infof("local capacity: %d slots", config.effectiveSlots());
    }

    /**
     * Accepts the instances a TaskReady lists. Each attempt is journaled before this returns (and
     * so before the record is acknowledged); one seen before is skipped.
     */
    public void submit(TaskReady ready) {
        List<Attempt> accepted = new ArrayList<>();
        for (int index : ready.instanceIndexes()) {
            AttemptId id = new AttemptId(ready.jobId(), ready.taskName(), index, ready.attempt());
            if (!journal.accept(id)) {
                LOG.debugf("%s duplicate TaskReady, already accepted", id.logContext());
                metrics.counter("drover.provisioner.taskready.duplicates").increment();
                continue;
            }
            accepted.add(
                    new Attempt(
                            id,
                            ready.priority(),
                            arrivals.getAndIncrement(),
                            ready.task(),
                            ready.placement(),
                            ready.stateIfCreateCvmFailed(),
                            ready.occurredAt()));
        }
        List<Attempt> refused = new ArrayList<>();
        List<Attempt> start;
        synchronized (this) {
            for (Attempt attempt : accepted) {
                if (stopped(attempt)) {
                    refused.add(attempt);
                } else {
                    queue.add(attempt);
                }
            }
            start = takeStartable();
        }
        refused.forEach(a -> runner.reportNeverRan(a, FailureKind.TERMINATED, "terminated"));
        start.forEach(this::launch);
    }

    /**
     * Stops a job's work released up to {@code decidedAt}: its waiting attempts (in line or
     * resting) are dropped and its running ones killed (whole process group), each reported
     * TERMINATED. The terminate is remembered so that work released before it and arriving later is
     * refused too, while work released after it (by a RetryJob, whose TaskReady may even arrive
     * first, on its own topic) runs.
     */
    public void terminate(String jobId, String reason, Instant decidedAt) {
        journal.terminate(jobId, decidedAt);
        List<Attempt> dropped;
        synchronized (this) {
            dropped = queue.removeIf(this::stopped);
            for (Attempt attempt : List.copyOf(resting.values())) {
                if (stopped(attempt)) {
                    resting.remove(attempt.id());
                    dropped.add(attempt);
                }
            }
        }
        String why = reason == null || reason.isBlank() ? "terminated" : reason;
        LOG.infof("jobId=%s terminate: %d waiting dropped", jobId, dropped.size());
        dropped.forEach(a -> runner.reportNeverRan(a, FailureKind.TERMINATED, why));
        for (Attempt attempt : live.values()) {
            if (stopped(attempt)) {
                Execution running = attempt.markTerminated();
                if (running != null) {
                    running.stop(config.killGrace());
                }
            }
        }
    }

    /** Whether a terminate of the attempt's job stops it: it was released before the latest. */
    private boolean stopped(Attempt attempt) {
        return journal.stops(attempt.id().jobId(), attempt.releasedAt());
    }

    /** Whether this provisioner is running the attempt right now. */
    public boolean isLive(AttemptId id) {
        return live.containsKey(id);
    }

    /** Attempts running now (for shutdown). */
    public List<Attempt> liveAttempts() {
        return List.copyOf(live.values());
    }

    private synchronized int waiting() {
        return queue.waitingCount();
    }

    /**
     * Starts nothing more: at shutdown, attempts still in line stay open in the journal (the next
     * start hands them back to the scheduler) rather than being started by a service that will not
     * live to report them.
     */
    public synchronized void close() {
        closed = true;
    }

    private List<Attempt> takeStartable() {
        if (closed) {
            return List.of();
        }
        List<Attempt> start = queue.takeStartable();
        start.forEach(a -> live.put(a.id(), a));
        return start;
    }

    private void launch(Attempt attempt) {
        workers.execute(
                () -> {
                    Optional<Duration> rest = Optional.empty();
                    try {
                        rest = runner.run(attempt);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "%s attempt crashed", attempt.id().logContext());
                    } finally {
                        finished(attempt, rest);
                    }
                });
    }

    /** Frees the attempt's slot; one that waits for a machine rests for {@code rest}. */
    private void finished(Attempt attempt, Optional<Duration> rest) {
        List<Attempt> start;
        boolean terminatedMeanwhile = false;
        synchronized (this) {
            queue.finished(attempt);
            live.remove(attempt.id());
            if (rest.isPresent()) {
                // Checked under the lock that terminate() takes after journaling: no attempt of a
                // terminated job starts resting.
                terminatedMeanwhile = stopped(attempt);
                if (!terminatedMeanwhile) {
                    resting.put(attempt.id(), attempt);
                    wakeups.schedule(
                            () -> wake(attempt), rest.get().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            start = takeStartable();
        }
        if (terminatedMeanwhile) {
            runner.reportNeverRan(attempt, FailureKind.TERMINATED, "terminated");
        }
        start.forEach(this::launch);
    }

    /** Puts a rested attempt back in line, unless its job was terminated meanwhile. */
    private void wake(Attempt attempt) {
        List<Attempt> start;
        synchronized (this) {
            if (resting.remove(attempt.id()) == null) {
                return;
            }
            queue.add(attempt);
            start = takeStartable();
        }
        start.forEach(this::launch);
    }
}
