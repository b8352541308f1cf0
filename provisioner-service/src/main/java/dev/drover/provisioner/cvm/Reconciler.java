package dev.drover.provisioner.cvm;

import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import dev.drover.provisioner.attempt.AttemptId;
import dev.drover.provisioner.queue.Dispatcher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Terminates every instance carrying Drover's tags whose attempt this provisioner is not running
 * (finished, lost in a crash, or unknown), except those kept by FailedAction INTERRUPT. Runs at
 * start and every {@code drover.cvm.reconcile-interval}, when the cvm backend is in use.
 *
 * <p>The schedule has no delay: Quarkus fires an interval trigger first as soon as the scheduler
 * starts, on a worker thread, so VMs orphaned by a crash go at once and startup never waits for the
 * cloud. A pass that fails (cloud unreachable) logs a WARN; the next one tries again.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    @Inject CvmBackend backend;
    @Inject Dispatcher dispatcher;
    @Inject BackendSelector selector;

    @Scheduled(
            every = "${drover.cvm.reconcile-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (selector.cvmInUse()) {
            reconcile();
        }
    }

    /** One pass; returns how many instances it terminated. */
    public int reconcile() {
        int terminated = 0;
        try {
            Machines machines = backend.machines();
            for (Instance vm : machines.api().instancesTagged(InstanceRequest.TAG_ATTEMPT)) {
                Optional<AttemptId> owner = owner(vm);
                if (machines.isKept(vm.getInstanceId())
                        || owner.isPresent() && dispatcher.isLive(owner.get())
                        || "TERMINATING".equals(vm.getInstanceState())) {
                    continue;
                }
                LOG.infof(
                        "%s instance=%s has no live attempt: terminating",
                        owner.map(AttemptId::logContext).orElse("unknown attempt"),
                        vm.getInstanceId());
                machines.api().terminate(vm.getInstanceId());
                terminated++;
            }
        } catch (CloudError | java.io.IOException | RuntimeException e) {
            LOG.warnf("reconciler pass failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return terminated;
    }

    private static Optional<AttemptId> owner(Instance vm) {
        Map<String, String> tags = new HashMap<>();
        if (vm.getTags() != null) {
            for (Tag tag : vm.getTags()) {
                tags.put(tag.getKey(), tag.getValue());
            }
        }
        try {
            return Optional.of(
                    new AttemptId(
                            tags.get(InstanceRequest.TAG_JOB),
                            tags.get(InstanceRequest.TAG_TASK),
                            Integer.parseInt(tags.get(InstanceRequest.TAG_INDEX)),
                            Integer.parseInt(tags.get(InstanceRequest.TAG_ATTEMPT))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
