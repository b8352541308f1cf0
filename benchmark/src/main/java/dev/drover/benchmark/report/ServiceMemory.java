package dev.drover.benchmark.report;

/**
 * A process's peak resident memory over the whole benchmark.
 *
 * @param name the service (or "kafka")
 * @param pid its process id
 * @param peakResidentMib VmHWM in MiB, or -1 if unreadable
 * @param heap the {@code -Xmx} it ran with, or "" if not set by the benchmark
 */
public record ServiceMemory(String name, long pid, double peakResidentMib, String heap) {}
