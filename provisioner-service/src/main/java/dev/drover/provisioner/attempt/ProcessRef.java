package dev.drover.provisioner.attempt;

/**
 * How to recognise a command's processes after a restart.
 *
 * @param pid the leader's pid
 * @param pgid its process group (the leader's pid, as it runs in its own session)
 * @param startTicks the leader's start time in clock ticks since boot (/proc/pid/stat field 22), so
 *     a reused pid is never mistaken for ours
 */
public record ProcessRef(long pid, long pgid, long startTicks) {}
