package dev.drover.cloudstub.tencent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One instance's part of an invocation: the script really runs with {@code /bin/sh} in the
 * instance's sandbox, stdout and stderr merged as TAT reports them, the first {@link #OUTPUT_LIMIT}
 * bytes kept and the rest counted as dropped.
 */
final class TatTask {

    /** TAT keeps 24 KiB of a task's output in its API answer. */
    static final int OUTPUT_LIMIT = 24 * 1024;

    final String id;
    final String invocationId;
    final String commandId;
    final String instanceId;
    final Instant created;
    private volatile String status = "PENDING";
    private volatile Integer exitCode;
    private volatile Instant started;
    private volatile Instant ended;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private long dropped;
    private volatile Process process;

    TatTask(String id, String invocationId, String commandId, String instanceId, Instant created) {
        this.id = id;
        this.invocationId = invocationId;
        this.commandId = commandId;
        this.instanceId = instanceId;
        this.created = created;
    }

    /**
     * Runs the script to its end or its timeout; called on a worker thread. With {@code
     * privateTmpOf}, the instance's sandbox, the script gets a /tmp of its own ({@link
     * PrivateTmp}).
     */
    void run(
            byte[] script,
            Path workingDir,
            Path privateTmpOf,
            Map<String, String> env,
            long timeoutSeconds,
            Supplier<Instant> clock) {
        started = clock.get();
        status = "RUNNING";
        try {
            Files.createDirectories(workingDir);
            Path file = workingDir.getParent().resolve(".tat-" + id + ".sh");
            Files.write(file, script);
            List<String> command = List.of("/bin/sh", file.toString());
            if (privateTmpOf != null) {
                command = PrivateTmp.command(privateTmpOf, file);
            }
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(workingDir.toFile())
                            .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            process = builder.start();
            Thread reader = new Thread(() -> capture(process.getInputStream()), "tat-out-" + id);
            reader.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                kill();
                reader.join();
                finish("TIMEOUT", null, clock);
                return;
            }
            reader.join();
            int code = process.exitValue();
            if (!"TERMINATED".equals(status)) {
                finish(code == 0 ? "SUCCESS" : "FAILED", code, clock);
            }
        } catch (IOException e) {
            append(("stub could not start the script: " + e.getMessage()).getBytes());
            finish("START_FAILED", null, clock);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            finish("TERMINATED", null, clock);
        }
    }

    /** The instance went away under the command. */
    void terminate(Supplier<Instant> clock) {
        if (isDone()) {
            return;
        }
        status = "TERMINATED";
        kill();
        ended = clock.get();
    }

    boolean isDone() {
        return switch (status) {
            case "PENDING", "RUNNING" -> false;
            default -> true;
        };
    }

    String status() {
        return status;
    }

    Integer exitCode() {
        return exitCode;
    }

    Instant started() {
        return started;
    }

    Instant ended() {
        return ended;
    }

    synchronized byte[] output() {
        return output.toByteArray();
    }

    synchronized long dropped() {
        return dropped;
    }

    private void finish(String finalStatus, Integer code, Supplier<Instant> clock) {
        exitCode = code;
        ended = clock.get();
        status = finalStatus;
    }

    private void kill() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private void capture(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                append(java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // The process was killed: what was read so far is the output.
        }
    }

    private synchronized void append(byte[] bytes) {
        int room = Math.max(0, OUTPUT_LIMIT - output.size());
        int kept = Math.min(room, bytes.length);
        output.write(bytes, 0, kept);
        dropped += bytes.length - kept;
    }
}
