package dev.drover.provisioner.attempt;

import dev.drover.provisioner.ProvisionerConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Opens the service's journal in the configured state directory. */
public class JournalProducer {

    @Produces
    @Singleton
    Journal journal(ProvisionerConfig config) {
        return new Journal(config.stateDir(), config.journalFsync(), config.dedupeRetention());
    }

    void close(@Disposes Journal journal) {
        journal.close();
    }
}
