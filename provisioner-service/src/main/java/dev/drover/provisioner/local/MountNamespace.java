package dev.drover.provisioner.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Makes InputMappings appear at their DestinationPath for one command only: the command runs in a
 * private mount namespace (util-linux {@code unshare}) where the staged copy is bind-mounted onto
 * the destination, so two instances mapping the same path never see each other's files. Works on
 * Linux as root, or as another user where unprivileged user namespaces are enabled; detected once
 * at start. Elsewhere an attempt with InputMappings fails with a reason saying why.
 */
public final class MountNamespace {

    private static final Logger LOG = Logger.getLogger(MountNamespace.class);

    /**
     * Runs inside the namespace: $1 is a file for setup errors, then (kind, destination, staged
     * source) triples up to "--", then the command, which replaces this shell so the pid stays the
     * one we track. A setup failure exits 125 and leaves a message in the error file.
     */
    static final String SCRIPT =
            "e=$1; shift; while [ \"$1\" != -- ]; do p=${2%/*}; "
                    + "{ { [ -z \"$p\" ] || mkdir -p \"$p\"; } && "
                    + "if [ \"$1\" = d ]; then mkdir -p \"$2\"; "
                    + "else [ -e \"$2\" ] || : > \"$2\"; fi && "
                    + "mount --bind \"$3\" \"$2\"; } 2>>\"$e\" || "
                    + "{ echo \"cannot bind $3 onto $2\" >>\"$e\"; exit 125; }; shift 3; done; "
                    + "shift; exec /bin/sh -c \"$1\"";

    /** Exit status of the namespace script when a bind mount could not be made. */
    static final int SETUP_EXIT = 125;

    private final List<String> prefix;
    private final String unsupportedReason;

    private MountNamespace(List<String> prefix, String unsupportedReason) {
        this.prefix = prefix;
        this.unsupportedReason = unsupportedReason;
    }

    /** Probes, with two scratch directories under {@code scratch}, which way works here. */
    public static MountNamespace detect(Path scratch) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return unsupported("InputMappings need Linux mount namespaces; this is " + os);
        }
        List<List<String>> candidates =
                List.of(
                        List.of("unshare", "--mount", "--propagation", "private"),
                        List.of("unshare", "--user", "--map-root-user", "--mount"));
        String lastError = "unshare not found";
        for (List<String> candidate : candidates) {
            String error = probe(candidate, scratch);
            if (error == null) {
                LOG.infof("InputMappings supported via %s", String.join(" ", candidate));
                return new MountNamespace(candidate, null);
            }
            lastError = error;
        }
        return unsupported(
                "InputMappings need a private mount namespace (util-linux unshare as root, or"
                        + " unprivileged user namespaces); here: "
                        + lastError);
    }

    /** A namespace helper that refuses every mapping, with {@code reason}. */
    public static MountNamespace unsupported(String reason) {
        LOG.warnf("InputMappings unsupported on this machine: %s", reason);
        return new MountNamespace(List.of(), reason);
    }

    public boolean supported() {
        return unsupportedReason == null;
    }

    /** Why mappings cannot be honoured here, or null. */
    public String unsupportedReason() {
        return unsupportedReason;
    }

    /** The argv that binds {@code mounts} and then runs {@code command} under /bin/sh -c. */
    public List<String> wrap(List<StagedMount> mounts, Path errorFile, String command) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(List.of("/bin/sh", "-c", SCRIPT, "drover-mount", errorFile.toString()));
        for (StagedMount mount : mounts) {
            argv.add(mount.directory() ? "d" : "f");
            argv.add(mount.destination().toString());
            argv.add(mount.staged().toString());
        }
        argv.add("--");
        argv.add(command);
        return argv;
    }

    private static String probe(List<String> prefix, Path scratch) {
        try {
            Path source = Files.createTempDirectory(scratch, "probe-src");
            Path target = Files.createTempDirectory(scratch, "probe-dst");
            Files.writeString(source.resolve("probe"), "ok");
            List<String> argv = new ArrayList<>(prefix);
            argv.addAll(
                    List.of(
                            "/bin/sh",
                            "-c",
                            "mount --bind \"$1\" \"$2\" && cat \"$2/probe\"",
                            "probe",
                            source.toString(),
                            target.toString()));
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            Files.deleteIfExists(source.resolve("probe"));
            Files.deleteIfExists(source);
            Files.deleteIfExists(target);
            return status == 0 && output.equals("ok") ? null : output.trim();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
