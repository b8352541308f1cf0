package dev.drover.provisioner.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Signals whole process groups. Java can signal one process only, so this runs procps {@code kill}
 * with a negative pid; the leader's pid is signalled too, in case the command has not yet made its
 * own group when the signal comes.
 */
public final class ProcessGroups {

    private static final Logger LOG = Logger.getLogger(ProcessGroups.class);

    private ProcessGroups() {}

    /**
     * Sends {@code signal} (TERM, KILL) to group {@code pgid}, and to {@code leader} when it is
     * given (only while the leader is known to be alive, so a reused pid is never hit).
     */
    public static void signal(String signal, long pgid, Long leader) {
        List<String> command = new ArrayList<>(List.of("kill", "-s", signal, "--", "-" + pgid));
        if (leader != null) {
            command.add(Long.toString(leader));
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            LOG.errorf("cannot run kill for group %d: %s", pgid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
