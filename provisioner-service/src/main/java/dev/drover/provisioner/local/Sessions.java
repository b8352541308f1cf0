package dev.drover.provisioner.local;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Signals every process of a command's session. A command leads its own session and group; a
 * process inside may move to a group of its own (GNU {@code timeout}, a shell's job control) and is
 * still a member of the session, so each group found in the session is signalled. Java can signal
 * one process only, so this runs procps {@code kill} with negative pids. A process that makes a
 * session of its own has left the command and is not reached here.
 */
public final class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);

    private Sessions() {}

    /**
     * Sends {@code signal} (TERM, KILL) to every group of session {@code sid}, and to {@code
     * leader} when it is given (only while the leader is known to be alive, so a reused pid is
     * never hit; it is signalled in case it has not yet made its group when the signal comes).
     */
    public static void signal(String signal, long sid, Long leader) {
        Set<Long> groups = new TreeSet<>();
        groups.add(sid);
        for (ProcFs.Stat member : ProcFs.membersForkedAfterLeader(sid)) {
            groups.add(member.pgid());
        }
        List<String> command = new ArrayList<>(List.of("kill", "-s", signal, "--"));
        for (long group : groups) {
            command.add("-" + group);
        }
        if (leader != null) {
            command.add(Long.toString(leader));
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            LOG.errorf("cannot run kill for session %d: %s", sid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
