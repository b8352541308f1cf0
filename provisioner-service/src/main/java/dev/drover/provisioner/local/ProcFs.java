package dev.drover.provisioner.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads process facts from Linux {@code /proc}. */
public final class ProcFs {

    private static final Path PROC = Path.of("/proc");

    /** Up to this many pids allocated since a leader are probed one by one, not listed. */
    private static final long PROBE_LIMIT = 512;

    private ProcFs() {}

    /**
     * Facts about one live process.
     *
     * @param pid the process
     * @param pgid its process group
     * @param sid its session
     * @param startTicks start time in clock ticks since boot
     */
    public record Stat(long pid, long pgid, long sid, long startTicks) {}

    /** The process's stat, or empty if it is gone. */
    public static Optional<Stat> stat(long pid) {
        // Asked mostly about processes just reaped: a failed exists() is far cheaper than the
        // exception a failed read throws.
        if (!new File("/proc/" + pid).exists()) {
            return Optional.empty();
        }
        try {
            String text =
                    Files.readString(
                            PROC.resolve(Long.toString(pid)).resolve("stat"),
                            StandardCharsets.ISO_8859_1);
            return Optional.of(parse(pid, text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every live process of session {@code sid}, whatever its group. */
    public static List<Stat> sessionMembers(long sid) {
        List<Stat> members = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                stat(Long.parseLong(dir.getFileName().toString()))
                        .filter(s -> s.sid() == sid)
                        .ifPresent(members::add);
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    /**
     * Every live process of session {@code sid} forked after the session's leader {@code sid},
     * which is every member of a session its leader made, in any of its groups. Pids are handed out
     * cyclically, so only those allocated since the leader's are read: no more than a few files
     * while the leader's is recent. A member is missed only if pids went all the way round past the
     * leader's meanwhile. (A thread of a member may be listed as well: /proc answers for thread ids
     * too.)
     */
    public static List<Stat> membersForkedAfterLeader(long sid) {
        long last;
        try {
            String[] loadavg = Files.readString(PROC.resolve("loadavg")).trim().split(" ");
            last = Long.parseLong(loadavg[loadavg.length - 1]);
        } catch (IOException | RuntimeException e) {
            return sessionMembers(sid);
        }
        if (last >= sid && last - sid <= PROBE_LIMIT) {
            // Probing each pid since the leader is far cheaper than listing /proc, which makes
            // the kernel build an entry for every process on the machine.
            List<Stat> members = new ArrayList<>();
            for (long pid = sid + 1; pid <= last; pid++) {
                stat(pid).filter(s -> s.sid() == sid).ifPresent(members::add);
            }
            return members;
        }
        boolean wrapped = last < sid;
        List<Stat> members = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                boolean later = wrapped ? pid > sid || pid <= last : pid > sid && pid <= last;
                if (later) {
                    stat(pid).filter(s -> s.sid() == sid).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    /** Whether /proc is there to read (Linux). */
    public static boolean available() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    // The command name (field 2) is in parentheses and may hold spaces or ')': parse after the
    // last ')'. Fields from there: state(3) ppid(4) pgrp(5) session(6) ... starttime(22).
    static Stat parse(long pid, String text) {
        String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        return new Stat(pid, Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[19]));
    }
}
