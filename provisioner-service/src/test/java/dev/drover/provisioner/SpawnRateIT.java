package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** A wide task of trivial instances: each index runs once, and the spawn rate is reported. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SpawnRateIT {

    private static final Logger LOG = Logger.getLogger(SpawnRateIT.class);
    private static final int INSTANCES = 1000;

    @Test
    void aThousandTrivialInstancesEachRunOnce() throws Exception {
        try (Harness harness = Harness.open()) {
            String job = Harness.newJobId();
            var task =
                    Harness.task(
                            "c20-index.json",
                            t -> {
                                t.put("TaskName", "F");
                                t.put("TaskInstanceNum", INSTANCES);
                                ((ObjectNode) t.get("Application")).put("Command", "true");
                            });
            long descriptorsBefore = openDescriptors();
            Instant sent = Instant.now();
            Harness.release(job, 1, 1, IntStream.range(0, INSTANCES).boxed().toList(), task);

            await().atMost(Duration.ofMinutes(3))
                    .until(() -> succeeded(harness.events(job)) == INSTANCES);
            Instant done = Instant.now();
            List<InstanceEvent> events = harness.events(job);
            assertThat(events.stream().filter(e -> e instanceof InstanceStarting))
                    .extracting(InstanceEvent::instanceIndex)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, INSTANCES).boxed().toList());
            // Each command's pipes are closed when its streams end, not left to the collector:
            // every open one would be inherited by, and closed in, each later command's child.
            assertThat(openDescriptors()).isLessThan(descriptorsBefore + 50);
            double seconds = Duration.between(sent, done).toMillis() / 1000.0;
            LOG.infof(
                    "spawn rate: %d instances of `true` in %.2f s = %.0f/s (TaskReady to last"
                            + " final event)",
                    INSTANCES, seconds, INSTANCES / seconds);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long succeeded(List<InstanceEvent> events) {
        return events.stream().filter(e -> e instanceof InstanceSucceeded).count();
    }
}
