package dev.drover.benchmark.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process's resident memory as Linux reports it in {@code /proc/<pid>/status}. */
public final class Memory {

    private Memory() {}

    /** Peak resident set size ("high water mark", VmHWM) in KiB, if readable. */
    public static OptionalLong peakResidentKib(long pid) {
        return field(pid, "VmHWM:");
    }

    /** Current resident set size (VmRSS) in KiB, if readable. */
    public static OptionalLong residentKib(long pid) {
        return field(pid, "VmRSS:");
    }

    private static OptionalLong field(long pid, String name) {
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(name)) {
                    String digits = line.substring(name.length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(digits));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
