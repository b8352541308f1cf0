package dev.drover.provisioner.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir Path dir;

    @Test
    void anAcceptedAttemptIsRememberedAcrossARestart() {
        AttemptId id = new AttemptId("job-1", "T", 0, 1);
        try (Journal journal = new Journal(dir, false, Duration.ofDays(1))) {
            assertThat(journal.accept(id)).isTrue();
            assertThat(journal.accept(id)).isFalse();
            journal.done(id);
        }
        try (Journal reopened = new Journal(dir, false, Duration.ofDays(1))) {
            assertThat(reopened.accept(id)).isFalse();
            assertThat(reopened.openEntries()).isEmpty();
            assertThat(reopened.accept(new AttemptId("job-1", "T", 0, 2))).isTrue();
        }
    }

    @Test
    void aRunningAttemptStaysOpenWithItsProcessAfterACrash() throws Exception {
        AttemptId id = new AttemptId("job-2", "T", 3, 1);
        try (Journal journal = new Journal(dir, false, Duration.ofDays(1))) {
            journal.accept(id);
            journal.running(id, new ProcessRef(42, 42, 7), 1000, 2000);
            journal.terminate("job-9", Instant.now());
        }
        // A crash mid-write leaves a torn line.
        Files.writeString(
                dir.resolve("journal.jsonl"), "{\"type\":\"DO", StandardOpenOption.APPEND);
        try (Journal reopened = new Journal(dir, false, Duration.ofDays(1))) {
            assertThat(reopened.openEntries())
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.attemptId()).isEqualTo(id);
                                assertThat(e.processRef()).isEqualTo(new ProcessRef(42, 42, 7));
                                assertThat(e.deadline()).isEqualTo(2000);
                            });
            assertThat(reopened.stops("job-9", Instant.now().minusSeconds(1))).isTrue();
        }
    }

    @Test
    void aTerminateStopsWorkReleasedUpToItAcrossARestartButNotALaterRetry() {
        Instant terminated = Instant.parse("2024-05-01T10:00:00Z");
        try (Journal journal = new Journal(dir, false, Duration.ofDays(3650))) {
            assertThat(journal.stops("job-3", terminated)).isFalse();
            assertThat(journal.terminate("job-3", terminated)).isTrue();
            assertThat(journal.terminate("job-3", terminated)).isFalse();
        }
        try (Journal reopened = new Journal(dir, false, Duration.ofDays(3650))) {
            assertThat(reopened.stops("job-3", terminated.minusSeconds(1))).isTrue();
            assertThat(reopened.stops("job-3", terminated)).isTrue();
            assertThat(reopened.stops("job-3", null)).isTrue();
            assertThat(reopened.stops("job-3", terminated.plusMillis(1))).isFalse();
            assertThat(reopened.stops("job-4", terminated.minusSeconds(1))).isFalse();

            assertThat(reopened.terminate("job-3", terminated.plusSeconds(60))).isTrue();
            assertThat(reopened.stops("job-3", terminated.plusSeconds(30))).isTrue();
            assertThat(reopened.terminate("job-3", terminated)).isFalse();
            assertThat(reopened.stops("job-3", terminated.plusSeconds(61))).isFalse();
        }
    }

    @Test
    void aTerminatedLineOfAnOlderVersionStopsWorkReleasedBeforeItWasWritten() throws Exception {
        // Older versions wrote the line's write time and no more: that time now bounds the work.
        Files.writeString(
                dir.resolve("journal.jsonl"),
                "{\"type\":\"TERMINATED\",\"jobId\":\"job-5\",\"at\":"
                        + System.currentTimeMillis()
                        + "}\n");
        try (Journal journal = new Journal(dir, false, Duration.ofDays(1))) {
            assertThat(journal.stops("job-5", Instant.now().minusSeconds(5))).isTrue();
            assertThat(journal.stops("job-5", Instant.now().plusSeconds(5))).isFalse();
        }
    }
}
