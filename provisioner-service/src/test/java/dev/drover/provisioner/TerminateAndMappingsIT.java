package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.Topics;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.TerminateJob;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Terminate, InputMappings and OutputMappings on the local backend, against the real broker. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class TerminateAndMappingsIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void terminateKillsTheProcessGroups() {
        String job = Harness.newJobId();
        TaskSpec task = withCommand("sleep 300 & sleep 300; echo never");
        Harness.release(job, 1, 1, List.of(0, 1), task);
        await().atMost(SHORT)
                .until(
                        () ->
                                harness.events(job).stream()
                                                .filter(e -> e instanceof InstanceRunning)
                                                .count()
                                        == 2);
        await().atMost(SHORT).until(() -> Harness.processesOfJob(job).size() >= 4);

        Harness.send(Topics.JOB_EVENTS, TerminateJob.of(job, "terminated"));

        for (int i = 0; i < 2; i++) {
            InstanceEvent end = harness.awaitFinal(job, "I", i, 1, SHORT);
            assertThat(end).isInstanceOf(InstanceFailed.class);
            assertThat(((InstanceFailed) end).kind()).isEqualTo(FailureKind.TERMINATED);
            assertThat(((InstanceFailed) end).exitCode()).isIn(143, 137);
        }
        await().atMost(SHORT).until(() -> Harness.processesOfJob(job).isEmpty());
        // Which later work a terminate refuses: TerminateThenRetryIT.
    }

    @Test
    void inputMappingAppearsPrivatelyAndOutputsAreUploaded() throws Exception {
        Path source = Files.createTempDirectory("drover-in");
        Files.writeString(source.resolve("data.txt"), "payload\n");
        Path results = Files.createTempDirectory("drover-out");
        String mount = "/data-" + UUID.randomUUID().toString().substring(0, 8);
        String command =
                "cat "
                        + mount
                        + "/data.txt; echo $BATCH_TASK_INSTANCE_INDEX > "
                        + mount
                        + "/mine; sleep 1; cat "
                        + mount
                        + "/mine; mkdir -p "
                        + mount
                        + "/result; cp "
                        + mount
                        + "/mine "
                        + mount
                        + "/result/r-$BATCH_TASK_INSTANCE_INDEX.txt";
        TaskSpec task =
                Harness.task(
                        "c20-index.json",
                        t -> {
                            t.put("TaskName", "M");
                            t.put("TaskInstanceNum", 2);
                            ((ObjectNode) t.get("Application")).put("Command", command);
                            ArrayNode in = t.putArray("InputMappings");
                            in.addObject()
                                    .put("SourcePath", "file://" + source + "/")
                                    .put("DestinationPath", mount + "/");
                            ArrayNode out = t.putArray("OutputMappings");
                            out.addObject()
                                    .put("SourcePath", mount + "/result/")
                                    .put("DestinationPath", "file://" + results + "/");
                        });
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0, 1), task);

        for (int i = 0; i < 2; i++) {
            assertThat(harness.awaitFinal(job, "M", i, 1, SHORT))
                    .isInstanceOf(InstanceSucceeded.class);
            String out = Harness.text(harness.awaitStream(job, "M", i, 1, LogStream.STDOUT, SHORT));
            assertThat(out).isEqualTo("payload\n" + i + "\n");
            assertThat(Files.readString(results.resolve("r-" + i + ".txt"))).isEqualTo(i + "\n");
        }
        assertThat(Path.of(mount, "mine")).doesNotExist();
        assertThat(source.resolve("mine")).doesNotExist();
    }

    @Test
    void aMissingOutputFailsTheAttemptAsUpload() throws Exception {
        Path results = Files.createTempDirectory("drover-out");
        TaskSpec task =
                Harness.task(
                        "c20-index.json",
                        t ->
                                t.putArray("OutputMappings")
                                        .addObject()
                                        .put("SourcePath", results + "/never-written.txt")
                                        .put("DestinationPath", "file://" + results + "/up/"));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        InstanceFailed failed = (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, SHORT);
        assertThat(failed.kind()).isEqualTo(FailureKind.OUTPUT_UPLOAD);
        assertThat(failed.reason()).contains("never-written.txt").contains("does not exist");
        assertThat(failed.exitCode()).isZero();
    }

    @Test
    void packageIsUnpackedAndTheCommandRunsInside() throws Exception {
        Path content = Files.createTempDirectory("drover-pkg");
        Files.writeString(content.resolve("run.sh"), "echo from-package\n");
        Path archive = content.resolveSibling(content.getFileName() + ".tgz");
        Process tar =
                new ProcessBuilder("tar", "-czf", archive.toString(), "-C", content.toString(), ".")
                        .inheritIO()
                        .start();
        assertThat(tar.waitFor()).isZero();
        TaskSpec task =
                Harness.task(
                        "c20-index.json",
                        t ->
                                ((ObjectNode) t.get("Application"))
                                        .put("DeliveryForm", "PACKAGE")
                                        .put("PackagePath", "file://" + archive)
                                        .put("Command", "sh run.sh"));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)))
                .isEqualTo("from-package\n");
    }

    private static TaskSpec withCommand(String command) {
        return Harness.task(
                "c20-index.json", t -> ((ObjectNode) t.get("Application")).put("Command", command));
    }
}
