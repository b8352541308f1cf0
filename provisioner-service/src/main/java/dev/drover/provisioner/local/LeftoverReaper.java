package dev.drover.provisioner.local;

import dev.drover.provisioner.attempt.ProcessRef;
import dev.drover.provisioner.attempt.Recovery;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Kills what a previous run of the provisioner left of a command: every process still in its
 * session. A session whose id now belongs to a different process (pid reuse: its start time differs
 * from the journal's) is left alone, since none of ours can be in it.
 */
public final class LeftoverReaper implements Recovery.ProcessReaper {

    private static final Logger LOG = Logger.getLogger(LeftoverReaper.class);

    @Override
    public boolean kill(ProcessRef ref) {
        if (ref.pgid() <= 1) {
            // No local process (a cvm attempt: the reconciler owns its VM). Group 0 would be ours.
            return false;
        }
        Optional<ProcFs.Stat> leader = ProcFs.stat(ref.pgid());
        if (leader.isPresent()
                && (leader.get().startTicks() != ref.startTicks()
                        || leader.get().sid() != ref.pgid())) {
            LOG.debugf("pid %d was reused by another process: nothing of ours left", ref.pgid());
            return false;
        }
        // The command's session id is its group id, the leader's pid.
        List<ProcFs.Stat> members = ProcFs.sessionMembers(ref.pgid());
        if (members.isEmpty()) {
            return false;
        }
        LOG.infof("killing %d leftover processes of session %d", members.size(), ref.pgid());
        Sessions.signal("KILL", ref.pgid(), null);
        return true;
    }
}
