package dev.drover.provisioner.cvm;

import dev.drover.contract.spec.TaskSpec;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.attempt.Backend;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.local.LocalBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * Picks the backend per attempt: {@code cvm} when the task names a ComputeEnv or an EnvId or when
 * {@code drover.provisioner.backend=cvm}, else {@code local} (the default).
 */
@ApplicationScoped
public class BackendSelector implements Backend {

    @Inject ProvisionerConfig config;
    @Inject LocalBackend local;
    @Inject CvmBackend cvm;
    @Inject CvmConfig cvmConfig;

    private volatile boolean cvmUsed;

    @Override
    public String name() {
        return "selector";
    }

    @Override
    public Execution launch(Attempt attempt, Path workDir) throws AttemptFailure {
        if (wantsCvm(attempt.task())) {
            cvmUsed = true;
            return cvm.launch(attempt, workDir);
        }
        return local.launch(attempt, workDir);
    }

    /**
     * Whether the service is set up for CVM (a scratch path, or cvm as the default backend) or an
     * attempt ran there: then the reconciler looks for instances left by a crash.
     */
    boolean cvmInUse() {
        return cvmUsed || "cvm".equals(config.backend()) || cvmConfig.scratchPath().isPresent();
    }

    private boolean wantsCvm(TaskSpec task) {
        return "cvm".equals(config.backend()) || task.computeEnv() != null || task.envId() != null;
    }
}
