package dev.drover.provisioner.cvm;

import com.tencentcloudapi.tat.v20201028.models.InvocationTask;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.spec.FailedAction;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.attempt.ProcessRef;
import dev.drover.store.NoSuchObjectException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * An attempt's command running through TAT on its own CVM instance. The command's stdout and stderr
 * come back from COS once the invocation ended, as files the log pumps then read, so they reach the
 * same LogChunk path as a local command's output.
 */
final class CvmExecution implements Execution {

    private static final Logger LOG = Logger.getLogger(CvmExecution.class);
    private static final Set<String> RUNNING = Set.of("PENDING", "DELIVERING", "RUNNING");

    private final Attempt attempt;
    private final Machines machines;
    private final String instanceId;
    private final String invocationId;
    private final Instant startedAt;
    private final Scratch scratch;
    private final Path workDir;
    private final CompletableFuture<Void> logsReady = new CompletableFuture<>();
    private volatile String setupFailure;

    CvmExecution(
            Attempt attempt,
            Machines machines,
            String instanceId,
            String invocationId,
            Scratch scratch,
            Path workDir) {
        this.attempt = attempt;
        this.machines = machines;
        this.instanceId = instanceId;
        this.invocationId = invocationId;
        this.startedAt = Instant.now();
        this.scratch = scratch;
        this.workDir = workDir;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    /** No local process: nothing for the local reaper to find (the reconciler owns VMs). */
    @Override
    public ProcessRef ref() {
        return new ProcessRef(0, 0, 0);
    }

    @Override
    public InputStream stdout() {
        return new AwaitedFile(logsReady, workDir.resolve("stdout"));
    }

    @Override
    public InputStream stderr() {
        return new AwaitedFile(logsReady, workDir.resolve("stderr"));
    }

    @Override
    public int awaitExit() throws InterruptedException {
        InvocationTask task = machines.awaitInvocation(attempt, invocationId);
        try {
            fetchLog("stdout");
            fetchLog("stderr");
        } finally {
            logsReady.complete(null);
        }
        return exitCode(task);
    }

    private int exitCode(InvocationTask task) {
        Long code =
                task == null || task.getTaskResult() == null
                        ? null
                        : task.getTaskResult().getExitCode();
        String status = task == null ? "UNKNOWN" : task.getTaskStatus();
        if (code == null || "TERMINATED".equals(status) || "TIMEOUT".equals(status)) {
            return 143;
        }
        if (code == ShellScript.SETUP_EXIT) {
            setupFailure = setupReason(task);
        }
        return code.intValue();
    }

    private static String setupReason(InvocationTask task) {
        String output = task.getTaskResult().getOutput();
        String text =
                output == null
                        ? ""
                        : new String(Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
        int at = text.lastIndexOf(ShellScript.SETUP_MARKER);
        return at < 0 ? null : text.substring(at + ShellScript.SETUP_MARKER.length()).trim();
    }

    private void fetchLog(String name) {
        Path target = workDir.resolve(name);
        try {
            scratch.store().get(scratch.object(attempt, name), target);
        } catch (NoSuchObjectException e) {
            writeEmpty(target);
        } catch (IOException e) {
            LOG.warnf("%s cannot fetch %s from COS: %s", attempt, name, e.getMessage());
            writeEmpty(target);
        }
    }

    private static void writeEmpty(Path target) {
        try {
            Files.write(target, new byte[0]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Terminating the instance ends the invocation; that is how TAT stops a command here. */
    @Override
    public void stop(Duration grace) {
        CompletableFuture.runAsync(() -> machines.terminateQuietly(attempt, instanceId));
    }

    @Override
    public void killRemains() {
        stop(Duration.ZERO);
    }

    @Override
    public String setupFailure(int exitCode) {
        return exitCode == ShellScript.SETUP_EXIT ? setupFailure : null;
    }

    @Override
    public void uploadOutputs() throws AttemptFailure {
        if (attempt.task().outputMappings() == null || attempt.task().outputMappings().isEmpty()) {
            return;
        }
        try {
            List<ShellScript.Fetch> uploads = scratch.outputUploads(attempt);
            if (uploads.isEmpty()) {
                return;
            }
            String script = ShellScript.upload(uploads, scratch.curlOptions());
            String id = machines.api().runCommand(instanceId, script, 3600, "drover-outputs");
            InvocationTask task = machines.awaitInvocation(attempt, id);
            Long code = task == null ? null : task.getTaskResult().getExitCode();
            if (code == null || code != 0) {
                String reason = task == null ? null : setupReason(task);
                throw new AttemptFailure(
                        FailureKind.OUTPUT_UPLOAD,
                        "cannot upload outputs: " + (reason == null ? "exit " + code : reason));
            }
        } catch (CloudError | IOException e) {
            throw new AttemptFailure(
                    FailureKind.OUTPUT_UPLOAD, "cannot upload outputs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttemptFailure(FailureKind.OUTPUT_UPLOAD, "interrupted", e);
        }
    }

    @Override
    public boolean keepsMachineOnFailure() {
        FailedAction action = attempt.task().failedAction();
        return action == FailedAction.INTERRUPT || action == FailedAction.FAST_INTERRUPT;
    }

    @Override
    public void release(boolean keep) {
        if (keep) {
            machines.keep(attempt, instanceId);
            return;
        }
        machines.terminateAndConfirm(attempt, instanceId);
    }

    /** The instance this attempt runs on. */
    String instanceId() {
        return instanceId;
    }

    /** A file read only once the invocation ended and the file was fetched. */
    private static final class AwaitedFile extends InputStream {
        private final CompletableFuture<Void> ready;
        private final Path file;
        private InputStream in;

        AwaitedFile(CompletableFuture<Void> ready, Path file) {
            this.ready = ready;
            this.file = file;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                ready.join();
                in =
                        Files.exists(file)
                                ? Files.newInputStream(file)
                                : InputStream.nullInputStream();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
