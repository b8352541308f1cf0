package dev.drover.provisioner.local;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.spec.OutputMapping;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.attempt.ProcessRef;
import dev.drover.provisioner.storage.TaskStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** A command running as a local process session (whose group and session ids are its pid). */
final class LocalExecution implements Execution {

    private static final Logger LOG = Logger.getLogger(LocalExecution.class);

    private final CommandProcess process;
    private final ProcessRef ref;
    private final Instant startedAt;
    private final List<StagedMount> mounts;
    private final TaskSpec task;
    private final TaskStorage storage;
    private final ScheduledExecutorService timer;
    private final Path workDir;

    LocalExecution(
            CommandProcess process,
            ProcessRef ref,
            Instant startedAt,
            List<StagedMount> mounts,
            TaskSpec task,
            TaskStorage storage,
            ScheduledExecutorService timer,
            Path workDir) {
        this.process = process;
        this.ref = ref;
        this.startedAt = startedAt;
        this.mounts = mounts;
        this.task = task;
        this.storage = storage;
        this.timer = timer;
        this.workDir = workDir;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public ProcessRef ref() {
        return ref;
    }

    @Override
    public InputStream stdout() {
        return process.stdout();
    }

    @Override
    public InputStream stderr() {
        return process.stderr();
    }

    @Override
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void stop(Duration grace) {
        signal("TERM");
        timer.schedule(this::forceIfLeft, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void killRemains() {
        signal("KILL");
    }

    /**
     * Kills what is left of the session after the leader was reaped, cheaply since nearly every
     * command leaves nothing: Linux keeps the session's id allocated while a member lives, so a
     * process now holding that pid proves none of ours is left; else only processes forked since
     * the leader are read, and {@code kill} runs only if one of them is in the session.
     */
    @Override
    public void endRemains() {
        if (ProcFs.stat(ref.pgid()).isPresent()) {
            return;
        }
        List<ProcFs.Stat> left = ProcFs.membersForkedAfterLeader(ref.pgid());
        if (!left.isEmpty()) {
            LOG.infof(
                    "sid=%d %d members outlived the command's shell: killing them",
                    ref.pgid(), left.size());
            Sessions.signal("KILL", ref.pgid(), null);
        }
    }

    @Override
    public String setupFailure(int exitCode) {
        return exitCode == MountNamespace.SETUP_EXIT && !mounts.isEmpty()
                ? LocalBackend.mountError(workDir)
                : null;
    }

    @Override
    public void uploadOutputs() throws AttemptFailure {
        List<OutputMapping> outputs =
                task.outputMappings() == null ? List.of() : task.outputMappings();
        for (OutputMapping mapping : outputs) {
            try {
                upload(mapping);
            } catch (IOException | RuntimeException e) {
                throw new AttemptFailure(
                        FailureKind.OUTPUT_UPLOAD,
                        "cannot upload output "
                                + mapping.sourcePath()
                                + " to "
                                + mapping.destinationPath()
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private void upload(OutputMapping mapping) throws IOException {
        Path source = StagedMount.onHost(Path.of(mapping.sourcePath()), mounts);
        if (!Files.exists(source)) {
            throw new IOException("source does not exist after the command ended");
        }
        storage.send(task, source, mapping.destinationPath());
    }

    private void forceIfLeft() {
        if (process.isAlive() || !ProcFs.sessionMembers(ref.pgid()).isEmpty()) {
            signal("KILL");
        }
    }

    private void signal(String signal) {
        // The command's session id is its group id, the leader's pid.
        Sessions.signal(signal, ref.pgid(), process.isAlive() ? ref.pid() : null);
    }
}
