package dev.drover.provisioner;

import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptRunner;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.attempt.Journal;
import dev.drover.provisioner.attempt.Recovery;
import dev.drover.provisioner.local.LeftoverReaper;
import dev.drover.provisioner.messaging.EventPublisher;
import dev.drover.provisioner.queue.Dispatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Start: recover what a crashed previous run left behind. Stop: kill every running command at once
 * (no orphan outlives the service) and leave those attempts open in the journal, so the next start
 * reports them as lost.
 */
@ApplicationScoped
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    @Inject Journal journal;
    @Inject EventPublisher publisher;
    @Inject Dispatcher dispatcher;
    @Inject AttemptRunner runner;

    void onStart(@Observes StartupEvent event) {
        int found =
                new Recovery(journal, publisher, new LeftoverReaper())
                        .recover(dispatcher::isLive)
                        .size();
        if (found > 0) {
            LOG.infof("recovered %d attempts left open by the previous run", found);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        dispatcher.close();
        runner.shutdown();
        for (Attempt attempt : dispatcher.liveAttempts()) {
            Execution execution = attempt.execution();
            if (execution != null) {
                execution.killRemains();
            }
        }
    }
}
