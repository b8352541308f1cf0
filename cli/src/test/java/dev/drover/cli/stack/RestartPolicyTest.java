package dev.drover.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final Instant t0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void backoffDoublesUpToItsMaximumThenTheCapRefuses() {
        RestartPolicy.Tracker tracker =
                new RestartPolicy(
                                5,
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(5))
                        .tracker();

        assertThat(tracker.onExit(t0)).contains(Duration.ofSeconds(1));
        assertThat(tracker.onExit(t0.plusSeconds(1))).contains(Duration.ofSeconds(2));
        assertThat(tracker.onExit(t0.plusSeconds(2))).contains(Duration.ofSeconds(4));
        assertThat(tracker.onExit(t0.plusSeconds(3))).contains(Duration.ofSeconds(5));
        assertThat(tracker.onExit(t0.plusSeconds(4))).contains(Duration.ofSeconds(5));
        assertThat(tracker.onExit(t0.plusSeconds(5))).isEmpty();
        assertThat(tracker.count()).isEqualTo(5);
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartPolicy.Tracker tracker =
                new RestartPolicy(
                                2,
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(30))
                        .tracker();
        tracker.onExit(t0);
        tracker.onExit(t0.plusSeconds(60));
        assertThat(tracker.onExit(t0.plusSeconds(120))).isEmpty();

        assertThat(tracker.onExit(t0.plusSeconds(301))).contains(Duration.ofSeconds(2));
        assertThat(tracker.count()).isEqualTo(2);
    }

    @Test
    void theStandardPolicyAllowsFiveRestartsInFiveMinutes() {
        RestartPolicy.Tracker tracker = RestartPolicy.standard().tracker();
        for (int i = 0; i < 5; i++) {
            assertThat(tracker.onExit(t0.plusSeconds(i))).isPresent();
        }
        assertThat(tracker.onExit(t0.plusSeconds(299))).isEmpty();
    }
}
