package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** C22: with one slot, a later high-priority job runs before the waiting low-priority ones. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestProfile(PriorityOrderIT.OneSlot.class)
class PriorityOrderIT {

    /** One local slot, and a state directory of its own. */
    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "drover.provisioner.slots", "1",
                    "drover.provisioner.state-dir", "target/provisioner-state-one-slot");
        }
    }

    @Test
    void higherPriorityRunsSecondAndTheRunningLowOneIsNotPreempted() throws Exception {
        try (Harness harness = Harness.open()) {
            String low = Harness.newJobId();
            String high = Harness.newJobId();
            Harness.release(low, 1, 1, List.of(0, 1, 2, 3), Harness.task("c22-low.json"));
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    harness.events(low).stream()
                                            .anyMatch(e -> e instanceof InstanceRunning));
            Harness.release(high, 100, 1, List.of(0), Harness.task("c22-high.json"));

            for (int i = 0; i < 4; i++) {
                assertThat(harness.awaitFinal(low, "L", i, 1, Duration.ofSeconds(60)))
                        .isInstanceOf(InstanceSucceeded.class);
                assertThat(
                                Harness.text(
                                        harness.awaitStream(
                                                low,
                                                "L",
                                                i,
                                                1,
                                                LogStream.STDOUT,
                                                Duration.ofSeconds(30))))
                        .isEqualTo("L-" + i + "\n");
            }
            assertThat(harness.awaitFinal(high, "H", 0, 1, Duration.ofSeconds(30)))
                    .isInstanceOf(InstanceSucceeded.class);

            List<InstanceRunning> runs = new ArrayList<>();
            for (String job : List.of(low, high)) {
                for (InstanceEvent e : harness.events(job)) {
                    if (e instanceof InstanceRunning r) {
                        runs.add(r);
                    }
                }
            }
            runs.sort(Comparator.comparing(InstanceRunning::startedAt));
            assertThat(runs)
                    .extracting(InstanceRunning::taskName)
                    .containsExactly("L", "H", "L", "L", "L");
        }
    }
}
