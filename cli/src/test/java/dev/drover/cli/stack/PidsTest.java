package dev.drover.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidsTest {

    @TempDir Path dir;

    @Test
    void entriesReadBackInTheOrderTheyWereAdded() {
        Path file = dir.resolve("pids.properties");
        Pids.add(file, new Pids.Entry("supervisor", 10, 1000));
        Pids.add(file, new Pids.Entry("kafka", 11, 2000));
        Pids.add(file, new Pids.Entry("supervisor", 12, 3000));

        assertThat(Pids.read(file))
                .containsExactly(
                        new Pids.Entry("kafka", 11, 2000), new Pids.Entry("supervisor", 12, 3000));
    }

    @Test
    void aRecycledPidWithAnotherStartTimeIsNotOurs() {
        ProcessHandle self = ProcessHandle.current();
        Pids.Entry recorded = Pids.Entry.of("self", self);

        assertThat(recorded.live()).contains(self);
        assertThat(new Pids.Entry("self", self.pid(), recorded.startMillis() - 5_000).live())
                .isEmpty();
    }

    @Test
    void reaperStopsAProcessThatIgnoresNothing() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        Pids.Entry entry = Pids.Entry.of("sleeper", sleeper.toHandle());

        boolean killed = Reaper.stop(sleeper.toHandle(), Duration.ofSeconds(5));

        assertThat(killed).isFalse();
        assertThat(entry.live()).isEmpty();
    }

    @Test
    void aMissingFileHasNoEntries() {
        assertThat(Pids.read(dir.resolve("absent"))).isEqualTo(List.of());
    }

    @Test
    void layoutSurvivesTheTripThroughTheSupervisorsArguments() {
        StackLayout layout =
                new StackLayout(
                        new StackHome(dir),
                        Path.of("/repo"),
                        StackLayout.services(java.util.Map.of("job-service", 9080)),
                        Duration.ofSeconds(42));

        StackLayout back = StackLayout.fromArgs(layout.toArgs().toArray(String[]::new));

        assertThat(back).isEqualTo(layout);
        assertThat(back.api()).isEqualTo("http://127.0.0.1:9080");
    }
}
