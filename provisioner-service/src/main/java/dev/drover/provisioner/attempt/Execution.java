package dev.drover.provisioner.attempt;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

/** A started command of one attempt, as the lifecycle drives it. */
public interface Execution {

    /** When the command's process started. */
    Instant startedAt();

    /** What the journal needs to find and kill the command after a crash. */
    ProcessRef ref();

    InputStream stdout();

    InputStream stderr();

    /** Waits for the command to exit; returns the status as a shell reports it. */
    int awaitExit() throws InterruptedException;

    /** Asks the whole command to stop, forcing it after {@code grace}. Returns at once. */
    void stop(Duration grace);

    /** Kills whatever is left of the command at once (children still holding its output). */
    void killRemains();

    /**
     * Ends what is left of the command once its shell exited and its output is drained: background
     * children that closed their output would otherwise outlive the instance (Tencent and Slurm end
     * all of an instance's processes with it). A cloud machine is released instead.
     */
    default void endRemains() {}

    /**
     * Why the command never really ran although a process exited with {@code exitCode} (the
     * backend's own preparation inside the process failed), or null.
     */
    default String setupFailure(int exitCode) {
        return null;
    }

    /**
     * Copies the attempt's OutputMappings to their destinations.
     *
     * @throws AttemptFailure kind OUTPUT_UPLOAD with a reason naming the mapping
     */
    void uploadOutputs() throws AttemptFailure;

    /**
     * Whether a failed attempt keeps its machine for inspection (FailedAction INTERRUPT on a cloud
     * backend): the attempt then ends with kind INTERRUPTED.
     */
    default boolean keepsMachineOnFailure() {
        return false;
    }

    /**
     * Releases the attempt's machine once its outcome is known: kept when {@code keep}, else torn
     * down and confirmed gone. The local backend has nothing to release.
     */
    default void release(boolean keep) {}
}
