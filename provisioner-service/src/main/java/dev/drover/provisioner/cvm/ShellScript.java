package dev.drover.provisioner.cvm;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The /bin/sh scripts TAT runs on an instance. Pure text: every value from the task (EnvVars, the
 * Command, paths, URLs) enters single-quoted, a {@code '} written as {@code '\''}, so the shell
 * passes it on byte-exact and never expands it. The image needs {@code /bin/sh} and {@code curl}.
 */
public final class ShellScript {

    /** Exit status of the script when Drover's own preparation failed, not the command. */
    public static final int SETUP_EXIT = 125;

    /** First characters of the TAT output line saying why the preparation failed. */
    public static final String SETUP_MARKER = "drover-setup-failed: ";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellScript() {}

    /** A download into a local path. */
    public record Fetch(String url, String localPath) {}

    /** What the run script needs, every URL already presigned. */
    public record RunPlan(
            String workDir,
            Map<String, String> env,
            List<Fetch> inputs,
            Fetch packageArchive,
            String command,
            String stdoutUrl,
            String stderrUrl,
            List<String> outputSources,
            String manifestUrl,
            List<String> curlOptions) {}

    /** {@code s} as one single-quoted shell word. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Whether {@code name} can be exported by a POSIX shell. */
    public static boolean isVariableName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Stages inputs and the package, runs the command with stdout and stderr to files, sends both
     * up, lists the output sources' files into the manifest, and exits with the command's status.
     */
    public static String run(RunPlan plan) {
        StringBuilder s = new StringBuilder();
        preamble(s, plan.curlOptions());
        // Absolute, as the script changes directory before writing the command's output there.
        s.append("W=\"$(pwd)\"/").append(quote(plan.workDir())).append('\n');
        s.append("mkdir -p \"$W\" || fail 'cannot create the work directory'\n");
        for (Fetch input : plan.inputs()) {
            s.append("get ").append(quote(input.url())).append(' ');
            s.append(quote(input.localPath())).append('\n');
        }
        s.append("cd \"$W\" || fail 'cannot enter the work directory'\n");
        if (plan.packageArchive() != null) {
            s.append("get ")
                    .append(quote(plan.packageArchive().url()))
                    .append(" \"$W/package.tgz\"\n");
            s.append("mkdir -p \"$W/package\" && tar -xzf \"$W/package.tgz\" -C \"$W/package\"");
            s.append(" || fail 'cannot unpack the package'\n");
            s.append("cd \"$W/package\" || fail 'cannot enter the package'\n");
        }
        for (Map.Entry<String, String> e : plan.env().entrySet()) {
            s.append("export ").append(e.getKey()).append('=').append(quote(e.getValue()));
            s.append('\n');
        }
        s.append("/bin/sh -c ").append(quote(plan.command()));
        s.append(" >\"$W/.drover-stdout\" 2>\"$W/.drover-stderr\" </dev/null\n");
        s.append("rc=$?\n");
        s.append("put \"$W/.drover-stdout\" ").append(quote(plan.stdoutUrl())).append('\n');
        s.append("put \"$W/.drover-stderr\" ").append(quote(plan.stderrUrl())).append('\n');
        s.append("if [ \"$rc\" -eq 0 ]; then\n  : >\"$W/.drover-manifest\"\n");
        for (int i = 0; i < plan.outputSources().size(); i++) {
            String src = quote(plan.outputSources().get(i));
            s.append("  if [ -d ").append(src).append(" ]; then (cd ").append(src);
            s.append(" && find . -type f) | sed 's/^/").append(i).append(" d /'");
            s.append(" >>\"$W/.drover-manifest\"; elif [ -f ").append(src);
            s.append(" ]; then echo '").append(i).append(" f .' >>\"$W/.drover-manifest\"; fi\n");
        }
        s.append("  put \"$W/.drover-manifest\" ").append(quote(plan.manifestUrl())).append('\n');
        s.append("fi\nexit \"$rc\"\n");
        return s.toString();
    }

    /** Sends each local file to its presigned URL; exits non-zero at the first that fails. */
    public static String upload(List<Fetch> files, List<String> curlOptions) {
        StringBuilder s = new StringBuilder();
        preamble(s, curlOptions);
        for (Fetch file : files) {
            s.append("[ -f ").append(quote(file.localPath())).append(" ] || fail ");
            s.append(quote("missing " + file.localPath())).append('\n');
            s.append("put ").append(quote(file.localPath())).append(' ');
            s.append(quote(file.url())).append('\n');
        }
        s.append("exit 0\n");
        return s.toString();
    }

    private static void preamble(StringBuilder s, List<String> curlOptions) {
        s.append("#!/bin/sh\n# Generated by Drover.\n");
        s.append("fail() { echo \"").append(SETUP_MARKER).append("$1\"; exit ");
        s.append(SETUP_EXIT).append("; }\n");
        StringBuilder curl = new StringBuilder("curl -fsS --retry 3");
        for (String option : curlOptions) {
            curl.append(' ').append(quote(option));
        }
        s.append("get() { mkdir -p \"$(dirname \"$2\")\" && ").append(curl);
        s.append(" -o \"$2\" \"$1\" || fail \"cannot fetch $2\"; }\n");
        s.append("put() { ").append(curl).append(" -T \"$1\" \"$2\" >/dev/null");
        s.append(" || fail \"cannot upload $1\"; }\n");
    }
}
