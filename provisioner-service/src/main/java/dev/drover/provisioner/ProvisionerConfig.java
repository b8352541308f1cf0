package dev.drover.provisioner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the provisioner, under {@code drover.provisioner}. */
@ConfigMapping(prefix = "drover.provisioner")
public interface ProvisionerConfig {

    /**
     * Directory holding the attempt journal and the attempts' working directories. It must survive
     * a restart: it is how a crashed provisioner finds the processes it left behind.
     */
    @WithDefault("${user.home}/.drover/provisioner")
    Path stateDir();

    /** How many attempts may run at once on this machine; default max(2, 2 x cores). */
    Optional<Integer> slots();

    /** Time between SIGTERM and SIGKILL when an attempt is stopped (timeout, terminate). */
    @WithDefault("10s")
    Duration killGrace();

    /** Keep each attempt's working directory after it ends (for debugging); default removes it. */
    @WithDefault("false")
    boolean keepWorkDirs();

    /** How long a finished attempt is remembered, so a redelivered TaskReady is not run again. */
    @WithDefault("7d")
    Duration dedupeRetention();

    /**
     * Force every journal write to the device. Off by default: the journal then survives a crash of
     * the provisioner (the page cache outlives the process) but not of the machine.
     */
    @WithDefault("false")
    boolean journalFsync();

    /** Largest log chunk in bytes; a 64 KiB chunk is about 88 KB of JSON on the wire. */
    @WithDefault("65536")
    int logChunkBytes();

    /**
     * How long stdout/stderr may stay open after the command's shell exited (a background child
     * still holding them) before the rest of its process group is killed.
     */
    @WithDefault("2s")
    Duration lingerAfterExit();

    /**
     * How long an attempt must stay STARTING or RUNNING before that state is reported. Shorter
     * attempts report only their end, which carries when they started; 0 reports every state.
     */
    @WithDefault("100ms")
    Duration stateReportDelay();

    /**
     * This node's name. The consumer group of {@code drover.job.events} is per node, so that every
     * provisioner sees every TerminateJob.
     */
    @WithDefault("local")
    String nodeId();

    /**
     * Backend of tasks that name no ComputeEnv or EnvId: {@code local} (child processes here) or
     * {@code cvm} (a Tencent Cloud CVM instance per attempt).
     */
    @WithDefault("local")
    String backend();

    /** Effective slot count. */
    default int effectiveSlots() {
        return slots().orElse(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    }
}
