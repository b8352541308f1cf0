package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.contract.storage.RemotePath;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** InputMappings, OutputMappings and PackagePath in COS (S3Proxy) on the local backend. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@QuarkusTestResource(value = CosResource.class, restrictToAnnotatedClass = true)
class CosMappingsIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final String BUCKET = CosResource.BUCKET;

    @Test
    void inputDirectoryIsStagedFromCosAndOutputsGoUpToCos() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        CosResource.put("in-" + run + "/data.txt", "payload\n");
        CosResource.put("in-" + run + "/nested/more.txt", "more\n");
        String mount = "/cosdata-" + run;
        String command =
                "cat "
                        + mount
                        + "/data.txt "
                        + mount
                        + "/nested/more.txt;"
                        + " mkdir -p /tmp/out-"
                        + run
                        + "-$BATCH_TASK_INSTANCE_INDEX;"
                        + " echo result-$BATCH_TASK_INSTANCE_INDEX >"
                        + " /tmp/out-"
                        + run
                        + "-$BATCH_TASK_INSTANCE_INDEX/r.txt";
        TaskSpec task =
                Harness.task(
                        "c20-index.json",
                        t -> {
                            t.put("TaskName", "C");
                            ((ObjectNode) t.get("Application")).put("Command", command);
                            ArrayNode in = t.putArray("InputMappings");
                            in.addObject()
                                    .put("SourcePath", "cos://" + BUCKET + "/in-" + run + "/")
                                    .put("DestinationPath", mount + "/");
                            ArrayNode out = t.putArray("OutputMappings");
                            out.addObject()
                                    .put("SourcePath", "/tmp/out-" + run + "-0/r.txt")
                                    .put(
                                            "DestinationPath",
                                            "cos://"
                                                    + BUCKET
                                                    + ".cos."
                                                    + CosResource.REGION
                                                    + ".myqcloud.com/out-"
                                                    + run
                                                    + "/");
                            t.putArray("Authentications")
                                    .addObject()
                                    .put("Scene", "COS")
                                    .put("SecretId", "AKIDotheraccount")
                                    .put("SecretKey", "other-account-secret");
                        });
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "C", 0, 1, SHORT))
                .isInstanceOf(dev.drover.contract.event.InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "C", 0, 1, LogStream.STDOUT, SHORT)))
                .isEqualTo("payload\nmore\n");
        assertThat(CosResource.read("out-" + run + "/r.txt")).isEqualTo("result-0\n");
    }

    @Test
    void packageIsFetchedFromCos() throws Exception {
        Path content = Files.createTempDirectory("drover-cos-pkg");
        Files.writeString(content.resolve("run.sh"), "echo from-cos-package\n");
        Path archive = content.resolveSibling(content.getFileName() + ".tgz");
        Process tar =
                new ProcessBuilder("tar", "-czf", archive.toString(), "-C", content.toString(), ".")
                        .inheritIO()
                        .start();
        assertThat(tar.waitFor()).isZero();
        RemotePath object = RemotePath.parse("cos://" + BUCKET + "/pkg/" + archive.getFileName());
        CosResource.store().put(object, archive);
        TaskSpec task =
                Harness.task(
                        "c20-index.json",
                        t ->
                                ((ObjectNode) t.get("Application"))
                                        .put("DeliveryForm", "PACKAGE")
                                        .put("PackagePath", object.toString())
                                        .put("Command", "sh run.sh"));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT))
                .isInstanceOf(dev.drover.contract.event.InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)))
                .isEqualTo("from-cos-package\n");
    }
}
