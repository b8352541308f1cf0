package dev.drover.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The processes a stack started, kept in a properties file so that {@code drover down} (another
 * JVM) can check that each one is gone. A pid alone could name a recycled process, so each entry
 * keeps the process's start time too, and only a process with both is taken for ours.
 */
public final class Pids {

    /** One recorded process. */
    public record Entry(String name, long pid, long startMillis) {

        /** Records a live process under {@code name}. */
        public static Entry of(String name, ProcessHandle process) {
            return new Entry(name, process.pid(), startMillis(process));
        }

        /** The process, while it is alive and is still the one recorded. */
        public Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> startMillis == 0 || startMillis(p) == startMillis);
        }

        private static long startMillis(ProcessHandle process) {
            return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }
    }

    private Pids() {}

    /** Reads the entries of {@code file}, in the order they were added; none if it is absent. */
    public static List<Entry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : p.getProperty("order", "").split(",")) {
            String pid = p.getProperty(name + ".pid");
            if (!name.isEmpty() && pid != null) {
                long start = Long.parseLong(p.getProperty(name + ".start", "0"));
                entries.add(new Entry(name, Long.parseLong(pid), start));
            }
        }
        return entries;
    }

    /** Adds (or replaces) one entry, rewriting the file atomically. */
    public static synchronized void add(Path file, Entry entry) {
        List<Entry> entries = new ArrayList<>(read(file));
        entries.removeIf(e -> e.name().equals(entry.name()));
        entries.add(entry);
        write(file, entries);
    }

    private static void write(Path file, List<Entry> entries) {
        Properties p = new Properties();
        List<String> order = new ArrayList<>();
        for (Entry e : entries) {
            order.add(e.name());
            p.setProperty(e.name() + ".pid", String.valueOf(e.pid()));
            p.setProperty(e.name() + ".start", String.valueOf(e.startMillis()));
        }
        p.setProperty("order", String.join(",", order));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "processes of a Drover stack");
            }
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
