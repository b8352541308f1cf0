package dev.drover.provisioner.logs;

import dev.drover.contract.event.LogStream;
import dev.drover.contract.spec.RedirectInfo;
import dev.drover.provisioner.attempt.AttemptId;

/** Where an attempt's stream is archived: the RedirectInfo directory and the resolved file name. */
public final class LogNames {

    private LogNames() {}

    /** The remote directory from RedirectInfo, or null for the collector's default. */
    public static String redirectPath(RedirectInfo info, LogStream stream) {
        if (info == null) {
            return null;
        }
        String path =
                stream == LogStream.STDOUT ? info.stdoutRedirectPath() : info.stderrRedirectPath();
        return path == null || path.isBlank() ? null : path;
    }

    /**
     * The object name with placeholders resolved; default {@code stdout.<Job>.<Task>.<Index>.log}.
     */
    public static String fileName(RedirectInfo info, LogStream stream, AttemptId id) {
        String template = null;
        if (info != null) {
            template =
                    stream == LogStream.STDOUT
                            ? info.stdoutRedirectFileName()
                            : info.stderrRedirectFileName();
        }
        if (template == null || template.isBlank()) {
            return stream.label()
                    + "."
                    + id.jobId()
                    + "."
                    + id.taskName()
                    + "."
                    + id.index()
                    + ".log";
        }
        return template.replace("${BATCH_JOB_ID}", id.jobId())
                .replace("${BATCH_TASK_NAME}", id.taskName())
                .replace("${BATCH_TASK_INSTANCE_INDEX}", Integer.toString(id.index()));
    }
}
