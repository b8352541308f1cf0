package dev.drover.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Rates the collector reaches on this machine, logged for the record; the assertions are that every
 * stream is archived. {@code -Dfanout.instances=10000} runs the full fan-out of C-scale jobs.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@QuarkusTestResource(CollectorDirsResource.class)
class ThroughputIT {

    private static final Logger LOG = Logger.getLogger(ThroughputIT.class);

    @Test
    void wideFanOutOfTinyStreamsIsArchivedInBatches() throws Exception {
        int instances = Integer.getInteger("fanout.instances", 1000);
        String job = "job-" + UUID.randomUUID();
        try (ArchivedLogs archived = ArchivedLogs.fromNow()) {
            long start = System.nanoTime();
            try (BulkSender sender = new BulkSender()) {
                for (int i = 0; i < instances; i++) {
                    byte[] line = ("instance " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                    sender.send(stream(job, i, LogStream.STDOUT).chunk(0, line, true));
                    sender.send(stream(job, i, LogStream.STDERR).chunk(0, new byte[0], true));
                }
            }
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> distinctStreams(archived, job) >= 2L * instances);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.infof(
                    "THROUGHPUT tiny streams: %d in %.1f s = %.0f streams/s",
                    2 * instances, seconds, 2 * instances / seconds);
        }
    }

    @Test
    void largeStreamThroughput() throws Exception {
        int chunks = 512; // 32 MiB
        String job = "job-" + UUID.randomUUID();
        try (ArchivedLogs archived = ArchivedLogs.fromNow()) {
            Chunks out = stream(job, 0, LogStream.STDOUT);
            byte[] block = new byte[Chunks.MAX_CHUNK];
            Arrays.fill(block, (byte) 'b');
            long start = System.nanoTime();
            try (BulkSender sender = new BulkSender()) {
                for (int seq = 0; seq < chunks; seq++) {
                    sender.send(out.chunk(seq, block, seq == chunks - 1));
                }
            }
            LogsArchived done = archived.await(job, "fan", 1, LogStream.STDOUT);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(done.size()).isEqualTo((long) chunks * Chunks.MAX_CHUNK);
            LOG.infof(
                    "THROUGHPUT large stream: %d MiB in %.1f s = %.1f MiB/s, %.0f chunks/s",
                    done.size() >> 20, seconds, (done.size() >> 20) / seconds, chunks / seconds);
        }
    }

    private static Chunks stream(String job, int index, LogStream stream) {
        return new Chunks(
                job,
                "fan",
                index,
                1,
                stream,
                "cos://test-bucket/fanout/",
                Chunks.defaultFileName(stream, job, "fan", index));
    }

    private static long distinctStreams(ArchivedLogs archived, String job) {
        return archived.all(job).stream()
                .map(e -> e.instanceIndex() + "/" + e.stream())
                .distinct()
                .count();
    }
}
