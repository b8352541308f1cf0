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
 * After a crash (kill -9, power loss of the service) or a stop, finds the attempts the journal
 * still holds open. One still in line (accepted, never launched) is handed back NOT_STARTED:
 * nothing of it ran, and the scheduler releases it again without spending a retry. One that was
 * launched has whatever is left of its process group killed and is reported NODE_LOST ("node
 * lost"), or TIMEOUT when its deadline had passed meanwhile, so that the scheduler can retry it.
 * The journal forgets an attempt once its report is acknowledged.
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
        if (entry.type() == JournalEntry.Type.ACCEPTED) {
            LOG.infof("%s handed back: accepted, never started", id.logContext());
            return report(
                    id,
                    InstanceFailed.of(
                            id.jobId(),
                            id.taskName(),
                            id.index(),
                            id.attempt(),
                            FailureKind.NOT_STARTED,
                            null,
                            "not started before the provisioner stopped; released again",
                            null,
                            Instant.now()));
        }
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
        return report(id, report);
    }

    private CompletableFuture<Void> report(AttemptId id, InstanceFailed report) {
        return publisher.instanceEvent(report).thenRun(() -> journal.done(id));
    }
}
