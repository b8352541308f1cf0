package dev.drover.provisioner.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a command as the leader of a new session, with /dev/null as stdin, its stdout and stderr
 * as pipes to this service, exactly the environment given, and no other descriptor of ours.
 */
interface Spawner {

    CommandProcess spawn(List<String> argv, Path cwd, Map<String, String> env) throws IOException;

    /** Names the way commands start, for the log line at start. */
    String describe();

    /** The cheapest spawner that works on this host. */
    static Spawner forThisHost() {
        return PosixSpawner.load().orElseGet(JdkSpawner::new);
    }
}
