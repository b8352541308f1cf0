package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An instance's processes end with it, also a background child that closed its output. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class BackgroundChildIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void aBackgroundChildThatClosedItsOutputEndsWithTheInstance() throws Exception {
        Path marker = Files.createTempDirectory("drover-bg").resolve("leaked");
        String command =
                "echo before; exec >&- 2>&-; (sleep 20; echo leaked >> " + marker + ") & exit 0";
        String job = Harness.newJobId();
        Harness.release(
                job,
                1,
                1,
                List.of(0),
                Harness.task(
                        "c20-index.json",
                        t -> ((ObjectNode) t.get("Application")).put("Command", command)));

        assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)))
                .isEqualTo("before\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> Harness.processesOfJob(job).isEmpty());
        assertThat(marker).doesNotExist();
    }
}
