package dev.drover.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.collector.messaging.LogCollector;
import dev.drover.contract.Topics;
import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@QuarkusTestResource(CollectorDirsResource.class)
class LogCollectorIT extends ArchivedLogsPerTest {

    @Inject CollectorConfig config;
    @Inject LogCollector collector;

    @Test
    void binaryAndInvalidUtf8OutputIsArchivedByteExact() throws Exception {
        String job = newJobId();
        byte[] stdout = Chunks.c16Stdout();
        Chunks out = chunks(job, "BIN", 1, LogStream.STDOUT, "cos://test-bucket/c16/");
        Chunks err = out.withStream(LogStream.STDERR, defaultName(LogStream.STDERR, job, "BIN"));
        Chunks.send(out.of(stdout));
        Chunks.send(err.of(new byte[] {(byte) 0xfe}));

        LogsArchived o = archived.await(job, "BIN", 1, LogStream.STDOUT);
        LogsArchived e = archived.await(job, "BIN", 1, LogStream.STDERR);

        assertThat(o.sha256()).isEqualTo(Chunks.C16_SHA);
        assertThat(o.size()).isEqualTo(17);
        assertThat(Files.readAllBytes(ArchivedLogs.pathOf(o.uri()))).isEqualTo(stdout);
        assertThat(Files.readAllBytes(plain(o))).isEqualTo(stdout);
        assertThat(Files.readAllBytes(ArchivedLogs.pathOf(e.uri()))).containsExactly(0xfe);
        assertThat(ArchivedLogs.pathOf(o.uri()))
                .startsWith(storeRoot().resolve("cos/test-bucket/c16"));
    }

    @Test
    void tenMebibyteSingleLineIsArchivedByteExactWithBoundedMemory() throws Exception {
        String job = newJobId();
        Chunks out = chunks(job, "LONG", 1, LogStream.STDOUT, "cos://test-bucket/c17/");
        long seq;
        try (BulkSender sender = new BulkSender()) {
            byte[] block = new byte[Chunks.MAX_CHUNK];
            java.util.Arrays.fill(block, (byte) 'a');
            // 10,485,760 'a' are exactly 160 full chunks, produced without holding them all.
            for (seq = 0; seq < 160; seq++) {
                sender.send(out.chunk(seq, block, false));
            }
            sender.send(
                    out.chunk(seq++, "\ntail-marker\n".getBytes(StandardCharsets.US_ASCII), false));
            sender.send(out.chunk(seq, new byte[0], true));
        }

        LogsArchived o = archived.await(job, "LONG", 1, LogStream.STDOUT);

        assertThat(o.size()).isEqualTo(10_485_773L);
        assertThat(o.sha256())
                .isEqualTo("2d0f07b37eb57884614df62b4f05f683e38a787a96e845f82f73c15e88d7cc34");
        assertThat(ArchivedLogs.sha256(ArchivedLogs.pathOf(o.uri()))).isEqualTo(o.sha256());
        assertThat(ArchivedLogs.sha256(plain(o))).isEqualTo(o.sha256());
    }

    @Test
    void redeliveredAndReorderedChunksLeaveTheObjectUnchanged() throws Exception {
        byte[] bytes = randomBytes(5 * Chunks.MAX_CHUNK + 123, 7);
        String inOrderJob = newJobId();
        Chunks.send(
                chunks(inOrderJob, "R", 1, LogStream.STDOUT, "cos://test-bucket/redelivery/")
                        .of(bytes));
        String messyJob = newJobId();
        List<LogChunk> messy =
                new ArrayList<>(
                        chunks(messyJob, "R", 1, LogStream.STDOUT, "cos://test-bucket/redelivery/")
                                .of(bytes));
        List<LogChunk> twice = new ArrayList<>(messy);
        twice.addAll(messy);
        Collections.shuffle(twice, new Random(42));

        Chunks.send(twice);
        LogsArchived clean = archived.await(inOrderJob, "R", 1, LogStream.STDOUT);
        LogsArchived shuffled = archived.await(messyJob, "R", 1, LogStream.STDOUT);

        assertThat(clean.sha256()).isEqualTo(ArchivedLogs.sha256(bytes));
        assertThat(shuffled.sha256()).isEqualTo(clean.sha256());
        assertThat(Files.readAllBytes(ArchivedLogs.pathOf(shuffled.uri()))).isEqualTo(bytes);

        // The whole stream once more after archiving: re-announced at most, never rewritten.
        Path object = ArchivedLogs.pathOf(shuffled.uri());
        var modified = Files.getLastModifiedTime(object);
        String job2 = newJobId();
        Chunks.send(messy);
        Chunks.send(
                chunks(job2, "R", 1, LogStream.STDOUT, "cos://test-bucket/redelivery/").of(bytes));
        archived.await(job2, "R", 1, LogStream.STDOUT);
        assertThat(Files.readAllBytes(object)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(object)).isEqualTo(modified);
        assertThat(archived.all(messyJob))
                .allSatisfy(e -> assertThat(e.sha256()).isEqualTo(clean.sha256()));
    }

    @Test
    void restartMidStreamWithATornSpoolTailYieldsTheSameObject() throws Exception {
        String job = newJobId();
        byte[] bytes = randomBytes(6 * Chunks.MAX_CHUNK + 99, 11);
        List<LogChunk> all =
                chunks(job, "RS", 1, LogStream.STDOUT, "cos://test-bucket/restart/").of(bytes);
        Chunks.send(all.subList(0, 3));
        Path spoolDir = config.collector().spoolDir();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> spooledBytes(spoolDir) >= 3L * Chunks.MAX_CHUNK);

        // A fresh consumer and spool on the same directory, as after kill -9: the half-written
        // frame a kill can leave at the end of a spool file is appended by hand.
        collector.stop();
        appendTornFrame(spoolDir);
        collector.start();
        Chunks.send(all.subList(1, all.size()));

        LogsArchived o = archived.await(job, "RS", 1, LogStream.STDOUT);
        assertThat(o.sha256()).isEqualTo(ArchivedLogs.sha256(bytes));
        assertThat(Files.readAllBytes(ArchivedLogs.pathOf(o.uri()))).isEqualTo(bytes);
    }

    @Test
    void everyAttemptIsKeptAndThePlainNameHoldsTheNewest() throws Exception {
        String job = newJobId();
        Chunks first = chunks(job, "T", 1, LogStream.STDOUT, "cos://test-bucket/attempts/");
        Chunks second = first.withAttempt(2);
        Chunks.send(first.of(ascii("first\n")));
        LogsArchived a1 = archived.await(job, "T", 1, LogStream.STDOUT);
        Chunks.send(second.of(ascii("second\n")));
        LogsArchived a2 = archived.await(job, "T", 2, LogStream.STDOUT);

        // Attempt 1's end delivered again after attempt 2 won must not take the plain name.
        Chunks.send(first.of(ascii("first\n")));
        String late = newJobId();
        Chunks lateSecond = chunks(late, "T", 2, LogStream.STDOUT, "cos://test-bucket/attempts/");
        Chunks.send(lateSecond.of(ascii("second\n")));
        archived.await(late, "T", 2, LogStream.STDOUT);
        Chunks.send(lateSecond.withAttempt(1).of(ascii("first\n")));
        archived.await(late, "T", 1, LogStream.STDOUT);

        assertThat(ArchivedLogs.pathOf(a1.uri()).getFileName().toString())
                .isEqualTo(defaultName(LogStream.STDOUT, job, "T") + ".attempt-1");
        assertThat(Files.readString(ArchivedLogs.pathOf(a1.uri()))).isEqualTo("first\n");
        assertThat(Files.readString(ArchivedLogs.pathOf(a2.uri()))).isEqualTo("second\n");
        assertThat(Files.readString(plain(a2))).isEqualTo("second\n");
        Path latePlain = ArchivedLogs.pathOf(archived.await(late, "T", 1, LogStream.STDOUT).uri());
        assertThat(Files.readString(plain(latePlain))).isEqualTo("second\n");
    }

    @Test
    void taskNamesDifferingOnlyInCaseGetDistinctObjects() throws Exception {
        String job = newJobId();
        Chunks.send(
                chunks(job, "A", 1, LogStream.STDOUT, "cos://test-bucket/c03/")
                        .of(ascii("upper\n")));
        Chunks.send(
                chunks(job, "a", 1, LogStream.STDOUT, "cos://test-bucket/c03/")
                        .of(ascii("lower\n")));

        LogsArchived upper = archived.await(job, "A", 1, LogStream.STDOUT);
        LogsArchived lower = archived.await(job, "a", 1, LogStream.STDOUT);

        assertThat(upper.uri()).isNotEqualTo(lower.uri());
        assertThat(Files.readString(plain(upper))).isEqualTo("upper\n");
        assertThat(Files.readString(plain(lower))).isEqualTo("lower\n");
    }

    @Test
    void unicodeTaskNameIsArchivedUnderThePrefixAndNowhereElse() throws Exception {
        String job = newJobId();
        String task = "数据 清洗 (v2)";
        byte[] bytes = ("ran:" + task + "\n").getBytes(StandardCharsets.UTF_8);
        Chunks.send(chunks(job, task, 1, LogStream.STDOUT, "cos://test-bucket/c04/").of(bytes));

        LogsArchived o = archived.await(job, task, 1, LogStream.STDOUT);

        Path prefix = storeRoot().resolve("cos/test-bucket/c04");
        assertThat(plain(o)).isEqualTo(prefix.resolve("stdout." + job + "." + task + ".0.log"));
        assertThat(Files.readAllBytes(plain(o))).isEqualTo(bytes);
        try (Stream<Path> files = Files.walk(storeRoot())) {
            assertThat(files.filter(f -> f.getFileName().toString().contains(job)))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f).startsWith(prefix));
        }
    }

    @Test
    void streamWithoutRedirectGoesToTheDefaultLayout() throws Exception {
        String job = newJobId();
        Chunks.send(chunks(job, "plain", 1, LogStream.STDOUT, null).of(ascii("kept\n")));

        LogsArchived o = archived.await(job, "plain", 1, LogStream.STDOUT);

        assertThat(plain(o))
                .isEqualTo(
                        storeRoot()
                                .resolve("logs")
                                .resolve(job)
                                .resolve(defaultName(LogStream.STDOUT, job, "plain")));
        assertThat(Files.readString(plain(o))).isEqualTo("kept\n");
    }

    @Test
    void poisonRecordsAndEscapingNamesAreSkippedAndTheConsumerMovesOn() throws Exception {
        String job = newJobId();
        TopicProbe.send(LocalStackResource.bootstrapServers(), Topics.LOGS, job, "not json {");
        TopicProbe.send(
                LocalStackResource.bootstrapServers(),
                Topics.LOGS,
                job,
                "{\"jobId\":\"" + job + "\"}");
        Chunks escape =
                new Chunks(
                        job, "x", 0, 1, LogStream.STDOUT, "cos://test-bucket/c04/", "../../escape");
        Chunks.send(escape.of(ascii("should-not-be-stored\n")));
        Chunks.send(
                chunks(job, "after", 1, LogStream.STDOUT, "cos://test-bucket/c04/")
                        .of(ascii("ok\n")));

        LogsArchived o = archived.await(job, "after", 1, LogStream.STDOUT);

        assertThat(Files.readString(plain(o))).isEqualTo("ok\n");
        assertThat(storeRoot().resolve("cos/test-bucket/escape")).doesNotExist();
        assertThat(archived.all(job)).noneMatch(e -> e.taskName().equals("x"));
    }

    private Chunks chunks(String job, String task, int attempt, LogStream stream, String redirect) {
        return new Chunks(job, task, 0, attempt, stream, redirect, defaultName(stream, job, task));
    }

    private static String defaultName(LogStream stream, String job, String task) {
        return Chunks.defaultFileName(stream, job, task, 0);
    }

    private Path storeRoot() {
        return config.store().root();
    }

    private static Path plain(LogsArchived event) {
        return plain(ArchivedLogs.pathOf(event.uri()));
    }

    private static Path plain(Path attemptObject) {
        String name = attemptObject.getFileName().toString();
        return attemptObject.resolveSibling(name.substring(0, name.lastIndexOf(".attempt-")));
    }

    private static String newJobId() {
        return "job-" + UUID.randomUUID();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long spooledBytes(Path spoolDir) throws IOException {
        Path streams = spoolDir.resolve("streams");
        if (!Files.isDirectory(streams)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(streams)) {
            return files.filter(f -> f.toString().endsWith(".spool"))
                    .mapToLong(f -> f.toFile().length())
                    .max()
                    .orElse(0);
        }
    }

    private static void appendTornFrame(Path spoolDir) throws IOException {
        try (Stream<Path> files = Files.walk(spoolDir.resolve("streams"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".spool")).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
                    channel.write(ByteBuffer.wrap(new byte[] {0x4C, 0x4F, 0x47, 0x43, 0, 0, 0}));
                }
            }
        }
    }
}
