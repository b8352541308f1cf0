package dev.drover.cloudstub.tencent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gives a TAT script its instance's own /tmp, as separate machines have: the script runs in a
 * private mount namespace (util-linux {@code unshare} with a user namespace) where a directory of
 * the instance's sandbox is bind-mounted on /tmp. Without it, instances of one task that write the
 * same absolute /tmp path would see each other's files.
 */
final class PrivateTmp {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path TMP = Path.of("/tmp");

    /**
     * Runs in the namespace: $0 the sandbox, $1 the instance's /tmp, $2 the script, $3 where the
     * sandbox lies below /tmp (empty when it does not). A sandbox below /tmp is first mounted at
     * the same place inside the instance's /tmp, so that the script, its working directory and
     * every absolute path into the sandbox stay where they were.
     */
    private static final String MOUNT_THEN_RUN =
            "if [ -n \"$3\" ]; then mkdir -p \"$1/$3\""
                    + " && mount --bind \"$0\" \"$1/$3\" || exit 125;"
                    + " fi; mount --rbind \"$1\" /tmp && exec /bin/sh \"$2\"";

    private PrivateTmp() {}

    /** The command running {@code script} of the instance in {@code sandbox} with its own /tmp. */
    static List<String> command(Path sandbox, Path script) throws IOException {
        Path real = sandbox.toRealPath();
        Path tmp = Files.createDirectories(real.resolve("fs").resolve("tmp"));
        Path realTmp = TMP.toRealPath();
        String below = real.startsWith(realTmp) ? realTmp.relativize(real).toString() : "";
        return List.of(
                UNSHARE.toString(),
                "--user",
                "--map-root-user",
                "--mount",
                "/bin/sh",
                "-c",
                MOUNT_THEN_RUN,
                real.toString(),
                tmp.toString(),
                script.toString(),
                below);
    }

    /** Fails, saying why, when this machine cannot make such a namespace. */
    static void requireSupported(Path scratch) {
        try {
            Path sandbox = Files.createDirectories(scratch.resolve("private-tmp-probe"));
            Path script = sandbox.resolve("probe.sh");
            Files.writeString(script, "exit 0\n");
            Process probe =
                    new ProcessBuilder(command(sandbox, script)).redirectErrorStream(true).start();
            if (!probe.waitFor(20, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw new IllegalStateException("unshare did not answer within 20 s");
            }
            String output = new String(probe.getInputStream().readAllBytes()).trim();
            if (probe.exitValue() != 0) {
                throw new IllegalStateException(
                        "private /tmp per instance needs util-linux unshare and unprivileged user"
                                + " namespaces; here: "
                                + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("private /tmp per instance: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing unshare", e);
        }
    }
}
