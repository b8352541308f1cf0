package dev.drover.collector.spool;

import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who a stream belongs to and where it is archived: what every chunk of one attempt's stdout or
 * stderr repeats, written once at the top of its spool file.
 *
 * @param jobId the job
 * @param taskName the task, byte-exact
 * @param instanceIndex the instance, 0-based
 * @param attempt the attempt, 1-based
 * @param stream stdout or stderr
 * @param redirectPath the remote directory, or null for the default layout
 * @param fileName the object name, already resolved by the provisioner
 */
public record StreamHeader(
        String jobId,
        String taskName,
        int instanceIndex,
        int attempt,
        LogStream stream,
        String redirectPath,
        String fileName) {

    /** The header a chunk belongs to. */
    public static StreamHeader of(LogChunk chunk) {
        return new StreamHeader(
                chunk.jobId(),
                chunk.taskName(),
                chunk.instanceIndex(),
                chunk.attempt(),
                chunk.stream(),
                chunk.redirectPath(),
                chunk.fileName());
    }

    /**
     * A file-name-safe identity of the stream: lower-case hex of a SHA-256 over its identity, so
     * that task names differing only in case ({@code A}, {@code a}) never share a spool file on a
     * case-insensitive disk, and no name can reach the spool path.
     */
    public String id() {
        String identity =
                String.join(
                        "\u0000",
                        jobId,
                        taskName,
                        Integer.toString(instanceIndex),
                        Integer.toString(attempt),
                        stream.name());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The log context every line about this stream carries. */
    public String logContext() {
        return "jobId="
                + jobId
                + " task="
                + taskName
                + " instance="
                + instanceIndex
                + " attempt="
                + attempt
                + " stream="
                + stream.label();
    }
}
