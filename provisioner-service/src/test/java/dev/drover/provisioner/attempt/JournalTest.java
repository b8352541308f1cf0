package dev.drover.provisioner.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
            journal.terminate("job-9");
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
            assertThat(reopened.isTerminated("job-9")).isTrue();
        }
    }
}
