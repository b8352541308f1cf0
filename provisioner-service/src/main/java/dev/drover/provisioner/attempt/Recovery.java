package dev.drover.provisioner.attempt;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.provisioner.messaging.EventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * After a crash (kill -9, power loss of the service), finds the attempts the journal still holds
 * open: kills whatever is left of their process groups and reports each failed, NODE_LOST ("node
 * lost"), or TIMEOUT when its deadline had passed meanwhile, so that the scheduler can retry. The
 * journal forgets an attempt once its report is acknowledged.
 */
public final class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);

    private final Journal journal;
    private final EventPublisher publisher;
    private final ProcessReaper reaper;

    /**
     * Kills a leftover command.
     *
     * <p>Returns whether anything of it was still alive.
     */
    @FunctionalInterface
    public interface ProcessReaper {
        boolean kill(ProcessRef ref);
    }

    public Recovery(Journal journal, EventPublisher publisher, ProcessReaper reaper) {
        this.journal = journal;
        this.publisher = publisher;
        this.reaper = reaper;
    }

    /**
     * Recovers every open attempt that {@code live} does not claim.
     *
     * @return the reports, completing when the broker has them
     */
    public List<CompletableFuture<Void>> recover(Predicate<AttemptId> live) {
        return journal.openEntries().stream()
                .filter(entry -> !live.test(entry.attemptId()))
                .map(this::recover)
                .toList();
    }

    private CompletableFuture<Void> recover(JournalEntry entry) {
        AttemptId id = entry.attemptId();
        ProcessRef ref = entry.processRef();
        boolean killed = ref != null && reaper.kill(ref);
        Instant now = Instant.now();
        boolean pastDeadline = entry.deadline() != null && entry.deadline() <= now.toEpochMilli();
        FailureKind kind = pastDeadline ? FailureKind.TIMEOUT : FailureKind.NODE_LOST;
        String reason =
                pastDeadline ? "timeout (deadline passed while the node was lost)" : "node lost";
        Instant startedAt =
                entry.startedAt() == null ? null : Instant.ofEpochMilli(entry.startedAt());
        LOG.infof(
                "%s FAILED kind=%s reason=%s leftover killed=%s",
                id.logContext(), kind, reason, killed);
        InstanceFailed report =
                InstanceFailed.of(
                        id.jobId(),
                        id.taskName(),
                        id.index(),
                        id.attempt(),
                        kind,
                        killed ? 137 : null,
                        reason,
                        startedAt,
                        now);
        return publisher.instanceEvent(report).thenRun(() -> journal.done(id));
    }
}
