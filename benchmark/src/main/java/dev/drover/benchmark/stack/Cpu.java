package dev.drover.benchmark.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process used, from {@code /proc/<pid>/stat}: on a shared machine the wall-clock
 * figures move with everyone else's load, the CPU a scenario cost each process much less so.
 */
public final class Cpu {

    /** USER_HZ, the unit of the stat file's times; 100 on every mainstream Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private Cpu() {}

    /**
     * User and system time of the process and of its children it has waited for (for the
     * provisioner these are the commands it ran), in ms; 0 if unreadable.
     */
    public static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; fields after it are space-separated.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime, stime, cutime, cstime are fields 14-17, i.e. 11-14 after the name.
            long ticks = 0;
            for (int i = 11; i <= 14; i++) {
                ticks += Long.parseLong(f[i]);
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {@link #millis} of a process and its live descendants (PostgreSQL's backends). */
    public static long treeMillis(long pid) {
        return millis(pid)
                + ProcessHandle.of(pid).stream()
                        .flatMap(ProcessHandle::descendants)
                        .mapToLong(p -> millis(p.pid()))
                        .sum();
    }
}
