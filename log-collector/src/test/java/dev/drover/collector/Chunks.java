package dev.drover.collector;

import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Cuts bytes into LogChunks the way the provisioner does: at most 64 KiB each, seq from 0, the last
 * one flagged (an empty last chunk when the bytes end on a chunk boundary or there are none).
 */
public record Chunks(
        String jobId,
        String taskName,
        int index,
        int attempt,
        LogStream stream,
        String redirectPath,
        String fileName) {

    public static final int MAX_CHUNK = 64 * 1024;

    /** SHA-256 of {@link #c16Stdout()}. */
    public static final String C16_SHA =
            "51fdedc17578bf051ba7e77b3083538812095db10e8214b1b4add43d292a5b5e";

    /** The stdout of acceptance case C16: binary, not valid UTF-8, with NUL and 0xff. */
    public static byte[] c16Stdout() {
        return HexFormat.of().parseHex("68692074686572650a80ff000a6279650a");
    }

    /** Publishes the chunks in their order, each acknowledged before the next is sent. */
    public static void send(List<LogChunk> chunks) {
        for (LogChunk chunk : chunks) {
            TopicProbe.send(
                    LocalStackResource.bootstrapServers(),
                    Topics.LOGS,
                    chunk.key(),
                    EventCodec.encode(chunk));
        }
    }

    /** The default file name the provisioner resolves. */
    public static String defaultFileName(LogStream stream, String jobId, String task, int index) {
        return stream.label() + "." + jobId + "." + task + "." + index + ".log";
    }

    public List<LogChunk> of(byte[] bytes) {
        List<LogChunk> chunks = new ArrayList<>();
        int seq = 0;
        for (int from = 0; from < bytes.length; from += MAX_CHUNK) {
            int to = Math.min(bytes.length, from + MAX_CHUNK);
            chunks.add(chunk(seq++, Arrays.copyOfRange(bytes, from, to), false));
        }
        chunks.add(chunk(seq, new byte[0], true));
        return chunks;
    }

    public LogChunk chunk(long seq, byte[] data, boolean last) {
        return LogChunk.of(
                jobId, taskName, index, attempt, stream, seq, data, last, redirectPath, fileName);
    }

    public Chunks withAttempt(int otherAttempt) {
        return new Chunks(jobId, taskName, index, otherAttempt, stream, redirectPath, fileName);
    }

    public Chunks withStream(LogStream other, String otherFileName) {
        return new Chunks(jobId, taskName, index, attempt, other, redirectPath, otherFileName);
    }
}
