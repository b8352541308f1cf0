package dev.drover.collector.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir Path dir;
    private final ExecutorService io = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopIo() {
        io.shutdownNow();
    }

    @Test
    void aNewSpoolOnTheSameDirectoryContinuesWhereTheOldOneStopped() throws IOException {
        Spool first = new Spool(dir, 4, io);
        first.accept(chunk(0, "ab", false), 0, 10);
        first.accept(chunk(1, "cd", false), 0, 11);
        first.flush();
        first.close();
        tearTail();

        Spool second = new Spool(dir, 4, io);
        assertThat(second.accept(chunk(1, "cd", false), 0, 11).outcome())
                .isEqualTo(Spool.Outcome.DUPLICATE);
        second.accept(chunk(2, "ef", true), 0, 12);

        List<CompletedStream> done = second.drainCompleted();
        assertThat(done).hasSize(1);
        assertThat(bytesOf(done.get(0))).isEqualTo("abcdef");
    }

    @Test
    void outOfOrderChunksAreWrittenInSequenceOrder() throws IOException {
        Spool spool = new Spool(dir, 1, io);
        spool.accept(chunk(2, "ef", false), 0, 1);
        spool.accept(chunk(0, "ab", false), 0, 2);
        spool.accept(chunk(3, "", true), 0, 3);
        spool.accept(chunk(0, "ab", false), 0, 4);
        assertThat(spool.drainCompleted()).isEmpty();
        spool.accept(chunk(1, "cd", false), 0, 5);

        assertThat(bytesOf(spool.drainCompleted().get(0))).isEqualTo("abcdef");
    }

    @Test
    void theFirstOffsetOfAnOpenStreamHoldsTheCommitBack() throws IOException {
        Spool spool = new Spool(dir, 4, io);
        spool.accept(chunk(0, "ab", false), 3, 40);
        spool.accept(chunk(1, "cd", false), 3, 41);
        assertThat(spool.holdBack(3)).hasValue(40);
        assertThat(spool.holdBack(2)).isEmpty();
    }

    @Test
    void anArchivedStreamIsRecognisedAfterItsSpoolIsGone() throws IOException {
        Spool spool = new Spool(dir, 4, io);
        spool.accept(chunk(0, "ab", true), 0, 1);
        CompletedStream done = spool.drainCompleted().get(0);
        var event =
                dev.drover.contract.event.LogsArchived.of(
                        "job-1", "T", 0, 1, LogStream.STDOUT, "file:///x", 2, "aa");
        spool.markArchived(done, event);
        spool.close();

        Spool.Verdict again = new Spool(dir, 4, io).accept(chunk(0, "ab", true), 0, 1);
        assertThat(again.outcome()).isEqualTo(Spool.Outcome.ARCHIVED_BEFORE);
        assertThat(again.archived().eventId()).isEqualTo(event.eventId());
    }

    private void tearTail() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("streams"))) {
            Path file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(new byte[] {0x4C, 0x4F, 0x47, 0x43, 1, 2}));
            }
        }
    }

    private static String bytesOf(CompletedStream stream) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static LogChunk chunk(long seq, String data, boolean last) {
        return LogChunk.of(
                "job-1",
                "T",
                0,
                1,
                LogStream.STDOUT,
                seq,
                data.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                last,
                null,
                "stdout.job-1.T.0.log");
    }
}
