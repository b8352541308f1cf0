package dev.drover.provisioner.cvm;

import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.tat.v20201028.models.InvocationTask;
import dev.drover.contract.event.FailureKind;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.attempt.MachineUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The life of one attempt's instance: bought (each InstanceType in turn, creation retried per
 * ResourceMaxRetryCount with growing waits), awaited until RUNNING, polled, and always terminated
 * and confirmed gone, unless FailedAction keeps it for inspection.
 */
final class Machines {

    private static final Logger LOG = Logger.getLogger(Machines.class);
    private static final Set<String> INVOCATION_RUNNING =
            Set.of("PENDING", "DELIVERING", "RUNNING");
    private static final Duration CONFIRM_TIMEOUT = Duration.ofMinutes(5);

    private final CloudApi api;
    private final CvmConfig config;
    private final Path keptFile;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    Machines(CloudApi api, CvmConfig config, Path keptFile) throws IOException {
        this.api = api;
        this.config = config;
        this.keptFile = keptFile;
        if (Files.exists(keptFile)) {
            kept.addAll(Files.readAllLines(keptFile));
        }
    }

    CloudApi api() {
        return api;
    }

    /** Whether FailedAction INTERRUPT kept this instance (the reconciler leaves it). */
    boolean isKept(String instanceId) {
        return kept.contains(instanceId);
    }

    /**
     * Buys the attempt's instance.
     *
     * @throws MachineUnavailable with the Tencent code once creation retries are used up on
     *     capacity, throttling or network errors
     * @throws AttemptFailure SETUP with the Tencent code at once for a permanent error (waiting
     *     cannot cure it); TERMINATED when the job was terminated meanwhile
     */
    String create(Attempt attempt, List<String> types, InstanceRequests requests)
            throws AttemptFailure, InterruptedException {
        int retries = Math.max(0, attempt.task().resourceMaxRetryCount());
        Duration wait = config.createRetryWait();
        for (int round = 0; ; round++) {
            checkTerminated(attempt);
            CloudError last = null;
            for (String type : types) {
                try {
                    String id = api.runInstance(requests.build(attempt, type));
                    LOG.infof("%s instance=%s type=%s created", attempt, id, type);
                    return id;
                } catch (CloudError e) {
                    last = e;
                    if (!e.isCapacity() && !e.isTransient()) {
                        throw failure(e);
                    }
                    LOG.warnf("%s RunInstances type=%s refused: %s", attempt, type, e.code());
                }
            }
            if (round >= retries) {
                throw unavailable(attempt, last);
            }
            LOG.warnf(
                    "%s creation failed (%d of %d retries used): waiting %s",
                    attempt, round, retries, wait);
            sleepUnlessTerminated(attempt, wait);
            wait = min(wait.multipliedBy(2), config.maxCreateRetryWait());
        }
    }

    private static AttemptFailure failure(CloudError e) {
        // The message starts with the Tencent code, which the scheduler shows as the reason.
        return new AttemptFailure(FailureKind.SETUP, e.getMessage(), e);
    }

    /** The attempt's next rest, should it wait: doubling per earlier rest, capped. */
    private MachineUnavailable unavailable(Attempt attempt, CloudError e) {
        // 2^20 times any sensible first wait is far beyond any sensible max: no overflow.
        long factor = 1L << Math.min(attempt.requeues(), 20);
        Duration wait =
                min(config.runnableRetryWait().multipliedBy(factor), config.maxRunnableRetryWait());
        return new MachineUnavailable(e.getMessage(), wait, e);
    }

    /**
     * Waits for RUNNING with growing polls; fails on boot timeout or when the job is terminated.
     */
    void awaitRunning(Attempt attempt, String instanceId)
            throws AttemptFailure, CloudError, InterruptedException {
        Instant deadline = Instant.now().plus(config.bootTimeout());
        Duration poll = config.pollInterval();
        while (true) {
            checkTerminated(attempt);
            Optional<String> state = api.state(instanceId);
            if (state.isPresent() && state.get().equals("RUNNING")) {
                return;
            }
            if (state.isEmpty() || state.get().equals("LAUNCH_FAILED")) {
                throw new AttemptFailure(
                        FailureKind.SETUP, "instance " + instanceId + " failed to launch");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AttemptFailure(
                        FailureKind.SETUP,
                        "instance " + instanceId + " not RUNNING after " + config.bootTimeout());
            }
            sleepUnlessTerminated(attempt, poll);
            poll = min(poll.multipliedBy(2), config.maxPollInterval());
        }
    }

    /** Follows an invocation until it ended; null when TAT lost it. */
    InvocationTask awaitInvocation(Attempt attempt, String invocationId)
            throws InterruptedException {
        Duration poll = config.pollInterval();
        int errors = 0;
        while (true) {
            try {
                Optional<InvocationTask> task = api.invocationTask(invocationId);
                if (task.isPresent() && !INVOCATION_RUNNING.contains(task.get().getTaskStatus())) {
                    return task.get();
                }
                errors = 0;
            } catch (CloudError e) {
                if (++errors > config.apiTries()) {
                    LOG.warnf("%s invocation %s unreadable: %s", attempt, invocationId, e.code());
                    return null;
                }
            }
            Thread.sleep(poll.toMillis());
            poll = min(poll.multipliedBy(2), config.maxPollInterval());
        }
    }

    /** Terminates and waits until the instance is gone; logs (never throws) on failure. */
    void terminateAndConfirm(Attempt attempt, String instanceId) {
        try {
            api.terminate(instanceId);
            Instant deadline = Instant.now().plus(CONFIRM_TIMEOUT);
            Duration poll = config.pollInterval();
            while (api.state(instanceId).isPresent()) {
                if (Instant.now().isAfter(deadline)) {
                    LOG.errorf(
                            "%s instance=%s still listed after terminate; the reconciler"
                                    + " retries",
                            attempt, instanceId);
                    return;
                }
                Thread.sleep(poll.toMillis());
                poll = min(poll.multipliedBy(2), config.maxPollInterval());
            }
            LOG.infof("%s instance=%s terminated", attempt, instanceId);
        } catch (CloudError e) {
            LOG.errorf("%s instance=%s terminate failed: %s", attempt, instanceId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for termination without waiting for it (terminate, timeout). */
    void terminateQuietly(Attempt attempt, String instanceId) {
        try {
            api.terminate(instanceId);
        } catch (CloudError e) {
            LOG.warnf("%s instance=%s terminate failed: %s", attempt, instanceId, e.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps a failed attempt's instance (FailedAction INTERRUPT); it bills until terminated. */
    void keep(Attempt attempt, String instanceId) {
        kept.add(instanceId);
        try {
            Files.createDirectories(keptFile.getParent());
            Files.writeString(
                    keptFile,
                    instanceId + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.errorf("cannot record kept instance %s: %s", instanceId, e.getMessage());
        }
        LOG.warnf(
                "%s instance=%s kept for inspection (FailedAction INTERRUPT): it keeps billing"
                        + " until you terminate it",
                attempt, instanceId);
    }

    private static void checkTerminated(Attempt attempt) throws AttemptFailure {
        if (attempt.terminated()) {
            throw new AttemptFailure(FailureKind.TERMINATED, "terminated");
        }
    }

    private static void sleepUnlessTerminated(Attempt attempt, Duration wait)
            throws AttemptFailure, InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            checkTerminated(attempt);
            Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        checkTerminated(attempt);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds the RunInstances request of an attempt for one InstanceType. */
    @FunctionalInterface
    interface InstanceRequests {
        RunInstancesRequest build(Attempt attempt, String instanceType);
    }
}
