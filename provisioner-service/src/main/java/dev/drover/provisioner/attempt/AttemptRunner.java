package dev.drover.provisioner.attempt;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEnded;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.logs.LogStreams;
import dev.drover.provisioner.messaging.EventPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One attempt from slot to final event: STARTING while its backend prepares it, RUNNING once the
 * command runs (with its logs streamed and its timeout armed), then SUCCEED or FAILED. STARTING and
 * RUNNING are reported only when the attempt stays in them (see {@link StateReports}). The final
 * event goes out only after every log chunk is acknowledged, and the journal forgets the attempt
 * only after the final event is.
 */
@ApplicationScoped
public class AttemptRunner {

    private static final Logger LOG = Logger.getLogger(AttemptRunner.class);

    @Inject ProvisionerConfig config;
    @Inject Backend backend;
    @Inject Journal journal;
    @Inject EventPublisher publisher;
    @Inject LogStreams logStreams;

    private final ScheduledExecutorService timeouts =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "attempt-timeouts");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile boolean shuttingDown;
    private StateReports reports;

    @PostConstruct
    void init() {
        reports = new StateReports(publisher::instanceEvent, timeouts, config.stateReportDelay());
    }

    /**
     * Runs the attempt on the calling thread, to its end or back in line.
     *
     * @return empty when the attempt ended (its final event is on its way); else how long it waits,
     *     RUNNABLE again and holding no slot, before it tries to get a machine again (the job's
     *     StateIfCreateCvmFailed is RUNNABLE and none could be created)
     */
    public Optional<Duration> run(Attempt attempt) {
        AttemptId id = attempt.id();
        StateReports.Pending starting =
                reports.later(
                        InstanceStarting.of(id.jobId(), id.taskName(), id.index(), id.attempt()));
        LOG.infof("%s STARTING", id.logContext());
        Path workDir = config.stateDir().toAbsolutePath().resolve("work").resolve(id.fileName());
        try {
            Execution execution = launch(attempt, workDir, starting);
            if (execution != null) {
                supervise(attempt, execution, starting);
            }
            return Optional.empty();
        } catch (MachineUnavailable e) {
            starting.settle();
            return Optional.of(requeue(attempt, e));
        } finally {
            removeWorkDir(workDir);
        }
    }

    /** Reports an attempt that will never run (its job was terminated) and forgets it. */
    public void reportNeverRan(Attempt attempt, FailureKind kind, String reason) {
        AttemptId id = attempt.id();
        LOG.infof("%s FAILED kind=%s reason=%s (never ran)", id.logContext(), kind, reason);
        finish(id, failed(id, kind, null, reason, null, Instant.now()));
    }

    /** Stops reporting: attempts still running stay open in the journal for the next start. */
    public void shutdown() {
        shuttingDown = true;
    }

    /**
     * Starts the attempt's command; null when the attempt already ended (its failure is reported).
     *
     * @throws MachineUnavailable when no machine could be created and the attempt waits for one
     */
    private Execution launch(Attempt attempt, Path workDir, StateReports.Pending starting)
            throws MachineUnavailable {
        AttemptId id = attempt.id();
        try {
            if (attempt.terminated()) {
                throw new AttemptFailure(FailureKind.TERMINATED, "terminated");
            }
            journal.launched(id);
            Files.createDirectories(workDir);
            Execution execution = backend.launch(attempt, workDir);
            if (!attempt.attach(execution)) {
                execution.stop(config.killGrace());
            }
            return execution;
        } catch (AttemptFailure e) {
            AttemptFailure outcome = e;
            if (e instanceof MachineUnavailable unavailable && attempt.waitsForMachine()) {
                if (!attempt.terminated()) {
                    throw unavailable;
                }
                // Terminated while it would have gone back in line: that ends it.
                outcome = new AttemptFailure(FailureKind.TERMINATED, "terminated");
            }
            LOG.warnf(
                    "%s FAILED kind=%s reason=%s",
                    id.logContext(), outcome.kind(), outcome.getMessage());
            starting.settle();
            finish(id, failed(id, outcome.kind(), null, outcome.getMessage(), null, Instant.now()));
        } catch (IOException | RuntimeException e) {
            String reason = "cannot prepare the attempt: " + e.getMessage();
            LOG.warnf("%s FAILED kind=SETUP reason=%s", id.logContext(), reason);
            starting.settle();
            finish(id, failed(id, FailureKind.SETUP, null, reason, null, Instant.now()));
        }
        return null;
    }

    /**
     * Reports the attempt RUNNABLE again (same attempt number: no MaxRetryCount is spent) and
     * returns how long it stays out of line.
     */
    private Duration requeue(Attempt attempt, MachineUnavailable e) {
        AttemptId id = attempt.id();
        attempt.requeued();
        Duration wait = e.retryAfter();
        String in = wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
        String reason =
                e.getMessage() + " (StateIfCreateCvmFailed RUNNABLE: trying again in " + in + ")";
        LOG.warnf(
                "%s RUNNABLE again, no machine (requeue %d): %s",
                id.logContext(), attempt.requeues(), reason);
        publisher.instanceEvent(
                InstanceRequeued.of(id.jobId(), id.taskName(), id.index(), id.attempt(), reason));
        return wait;
    }

    private void supervise(Attempt attempt, Execution execution, StateReports.Pending starting) {
        AttemptId id = attempt.id();
        Instant startedAt = execution.startedAt();
        long timeoutSeconds = attempt.task().timeout() > 0 ? attempt.task().timeout() : 86_400;
        Instant deadline = startedAt.plusSeconds(timeoutSeconds);
        journal.running(id, execution.ref(), startedAt.toEpochMilli(), deadline.toEpochMilli());
        starting.settle();
        StateReports.Pending running =
                reports.later(
                        InstanceRunning.of(
                                id.jobId(), id.taskName(), id.index(), id.attempt(), startedAt));
        LOG.infof("%s RUNNING pid=%d", id.logContext(), execution.ref().pid());
        LogStreams.Pumps pumps = logStreams.start(attempt, execution);
        ScheduledFuture<?> timer =
                timeouts.schedule(
                        () -> timeOut(attempt, execution, timeoutSeconds),
                        Duration.between(Instant.now(), deadline).toMillis(),
                        TimeUnit.MILLISECONDS);

        int exitCode = awaitExit(execution);
        Instant endedAt = Instant.now();
        timer.cancel(false);
        running.settle();
        pumps.drain(execution, config.lingerAfterExit());
        execution.endRemains();
        if (shuttingDown) {
            return;
        }

        InstanceEnded outcome = outcome(attempt, execution, exitCode, endedAt);
        // A cloud machine is released (or kept, for FailedAction INTERRUPT) before the report.
        execution.release(
                outcome instanceof InstanceFailed f && f.kind() == FailureKind.INTERRUPTED);
        // The slot is free from here: the final event follows the log acks asynchronously, and
        // names the streams that were never sent, so that readers know them empty, not missing.
        pumps.acked()
                .whenComplete(
                        (ok, error) -> finish(id, outcome.withEmptyLogs(pumps.sentNothing())));
    }

    private InstanceEnded outcome(
            Attempt attempt, Execution execution, int exitCode, Instant endedAt) {
        AttemptId id = attempt.id();
        Instant startedAt = execution.startedAt();
        if (attempt.terminated()) {
            return failed(id, FailureKind.TERMINATED, exitCode, "terminated", startedAt, endedAt);
        }
        if (attempt.timedOut()) {
            String reason = "timeout: ran longer than " + attempt.task().timeout() + " s";
            return failed(id, FailureKind.TIMEOUT, exitCode, reason, startedAt, endedAt);
        }
        String mountError = execution.setupFailure(exitCode);
        if (mountError != null) {
            return failed(id, FailureKind.SETUP, exitCode, mountError, startedAt, endedAt);
        }
        if (exitCode != 0 && execution.keepsMachineOnFailure()) {
            String reason = "command exited with " + exitCode + "; machine kept (FailedAction)";
            return failed(id, FailureKind.INTERRUPTED, exitCode, reason, startedAt, endedAt);
        }
        if (exitCode != 0) {
            String reason = "command exited with " + exitCode;
            return failed(id, FailureKind.EXIT_CODE, exitCode, reason, startedAt, endedAt);
        }
        try {
            execution.uploadOutputs();
        } catch (AttemptFailure e) {
            return failed(id, e.kind(), exitCode, e.getMessage(), startedAt, endedAt);
        }
        return InstanceSucceeded.of(
                id.jobId(), id.taskName(), id.index(), id.attempt(), startedAt, endedAt);
    }

    private void timeOut(Attempt attempt, Execution execution, long seconds) {
        LOG.infof("%s timeout after %d s: stopping its process group", attempt, seconds);
        attempt.markTimedOut();
        execution.stop(config.killGrace());
    }

    private static int awaitExit(Execution execution) {
        while (true) {
            try {
                return execution.awaitExit();
            } catch (InterruptedException e) {
                // Worker threads are only interrupted at shutdown; the exit still matters.
                Thread.currentThread().interrupt();
                execution.killRemains();
            }
        }
    }

    /** Publishes the final event; the journal drops the attempt once the broker has it. */
    private void finish(AttemptId id, InstanceEnded outcome) {
        if (outcome instanceof InstanceSucceeded) {
            LOG.infof("%s SUCCEED", id.logContext());
        } else if (outcome instanceof InstanceFailed f && f.startedAt() != null) {
            LOG.infof(
                    "%s FAILED kind=%s exit=%s reason=%s",
                    id.logContext(), f.kind(), f.exitCode(), f.reason());
        }
        CompletableFuture<Void> sent = publisher.instanceEvent(outcome);
        sent.whenComplete(
                (ok, error) -> {
                    if (error == null) {
                        journal.done(id);
                    } else {
                        LOG.errorf(
                                "%s final event not delivered: %s",
                                id.logContext(), error.getMessage());
                    }
                });
    }

    private static InstanceFailed failed(
            AttemptId id,
            FailureKind kind,
            Integer exitCode,
            String reason,
            Instant startedAt,
            Instant endedAt) {
        return InstanceFailed.of(
                id.jobId(),
                id.taskName(),
                id.index(),
                id.attempt(),
                kind,
                exitCode,
                reason,
                startedAt,
                endedAt);
    }

    private void removeWorkDir(Path workDir) {
        if (config.keepWorkDirs()) {
            return;
        }
        try {
            WorkDirs.delete(workDir);
        } catch (IOException e) {
            LOG.warnf("cannot remove work dir %s: %s", workDir, e.getMessage());
        }
    }
}
