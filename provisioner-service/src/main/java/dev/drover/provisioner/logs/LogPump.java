package dev.drover.provisioner.logs;

import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import dev.drover.provisioner.attempt.AttemptId;
import dev.drover.provisioner.messaging.EventPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Copies one output stream of a command to {@code drover.logs} as it is written: each read (at most
 * one chunk, never more) becomes one LogChunk, so memory per stream is one buffer whatever the
 * output's size or line length. Bytes are never decoded. The stream ends with a chunk marked last,
 * possibly empty, with one exception: a stream that wrote nothing and has no RedirectInfo path
 * sends nothing at all (see {@link #sentNothing()}), since most commands of a wide job write
 * nothing to at least one stream and an empty object per stream was most of the log pipeline's
 * work.
 *
 * <p>A stream can also be {@link #cutOff() cut off} before its end, when a process that left the
 * command's session still holds it open: the attempt's outcome must not wait for that process.
 */
public final class LogPump implements Runnable {

    private static final Logger LOG = Logger.getLogger(LogPump.class);

    private final AttemptId id;
    private final LogStream stream;
    private final InputStream input;
    private final EventPublisher publisher;
    private final String redirectPath;
    private final String fileName;
    private final byte[] buffer;
    private final CountDownLatch eof = new CountDownLatch(1);
    private final CompletableFuture<Void> acked = new CompletableFuture<>();
    // The reading thread and cutOff() both may end the stream; seq, ended and previous are
    // guarded by this pump.
    private long seq;
    private boolean ended;
    private volatile boolean sentNothing;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    public LogPump(
            AttemptId id,
            LogStream stream,
            InputStream input,
            EventPublisher publisher,
            String redirectPath,
            String fileName,
            int chunkBytes) {
        this.id = id;
        this.stream = stream;
        this.input = input;
        this.publisher = publisher;
        this.redirectPath = redirectPath;
        this.fileName = fileName;
        this.buffer = new byte[chunkBytes];
    }

    @Override
    public void run() {
        try {
            int n;
            while ((n = read()) >= 0) {
                if (n > 0) {
                    forward(Arrays.copyOf(buffer, n));
                }
            }
        } finally {
            closeInput();
            eof.countDown();
            end();
        }
    }

    /**
     * Ends the stream now with what was read so far. Whatever comes later is read and dropped (so
     * the writer never blocks on a full pipe) until the writer closes its end.
     */
    public void cutOff() {
        if (end()) {
            LOG.warnf(
                    "%s %s cut off: a process outside the command's session holds it open;"
                            + " its later output is not kept",
                    id.logContext(), stream);
        }
    }

    private synchronized void forward(byte[] data) {
        if (!ended) {
            send(data, false);
        }
    }

    /** Sends the stream's end once; false if it had already ended. */
    private synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        if (seq == 0 && redirectPath == null) {
            sentNothing = true;
        } else {
            send(new byte[0], true);
        }
        previous.whenComplete(
                (ok, error) -> {
                    if (error != null) {
                        acked.completeExceptionally(error);
                    } else {
                        acked.complete(null);
                    }
                });
        return true;
    }

    /** Waits until the command's side of the stream is closed; false on timeout. */
    public boolean awaitEof(long millis) throws InterruptedException {
        return eof.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the stream ended without sending anything (it wrote nothing, and no RedirectInfo path
     * asks for an object anyway); meaningful once {@link #acked()} completed.
     */
    public boolean sentNothing() {
        return sentNothing;
    }

    /** The stream this pump reads. */
    public LogStream stream() {
        return stream;
    }

    /** Completes once the broker acknowledged every chunk of the stream, the last included. */
    public CompletableFuture<Void> acked() {
        return acked;
    }

    private int read() {
        try {
            return input.read(buffer);
        } catch (IOException e) {
            // The pipe was closed under us (process killed and stream closed): end the stream.
            LOG.debugf("%s %s stream closed: %s", id.logContext(), stream, e.getMessage());
            return -1;
        }
    }

    // The pump owns the stream: a pipe left for the garbage collector to close would be inherited,
    // and closed again, by every command started until then.
    private void closeInput() {
        try {
            input.close();
        } catch (IOException e) {
            LOG.debugf("%s %s close: %s", id.logContext(), stream, e.getMessage());
        }
    }

    private void send(byte[] data, boolean last) {
        LogChunk chunk =
                LogChunk.of(
                        id.jobId(),
                        id.taskName(),
                        id.index(),
                        id.attempt(),
                        stream,
                        seq++,
                        data,
                        last,
                        redirectPath,
                        fileName);
        CompletableFuture<Void> sent = publisher.logChunk(chunk);
        // Chain so that "previous" failing makes the stream's final ack fail too.
        previous = previous.thenCombine(sent, (a, b) -> null);
        sent.exceptionally(
                error -> {
                    LOG.errorf(
                            "%s log chunk %s#%d not delivered: %s",
                            id.logContext(), stream, chunk.seq(), error.getMessage());
                    return null;
                });
    }
}
