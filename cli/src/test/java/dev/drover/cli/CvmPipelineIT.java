package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.api.ApiClient;
import dev.drover.cli.demo.Demo;
import dev.drover.cli.job.JobDocument;
import dev.drover.cli.stack.Pids;
import dev.drover.cli.stack.Repo;
import dev.drover.cli.stack.StackHome;
import dev.drover.cloudstub.LocalTencentCloud;
import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.cloudstub.tencent.StubVm;
import dev.drover.cloudstub.tencent.TencentCloudStub;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.NoSuchObjectException;
import dev.drover.store.ObjectInfo;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.cos.CosStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example pipeline on the cvm backend: Kafka, PostgreSQL and the four services as their own
 * processes ({@code drover up}), provisioner-service buying every instance attempt a VM from the
 * local Tencent Cloud stub (CVM + TAT, TC3 signatures checked) and both it and log-collector
 * talking to S3Proxy as COS. examples/wordcount.json is submitted exactly as it is in the
 * repository. Then the provisioner is killed with SIGKILL while VMs run, and must leave no orphan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CvmPipelineIT {

    private static final Path REPO = Repo.locate(null);
    private static final String SECRET_ID = "AKIDdroverpipeline";
    private static final String SECRET_KEY = "drover-pipeline-secret";
    private static final String SCRATCH_BUCKET = "drover-scratch-1250000000";
    private static final Set<String> ALIVE = Set.of("PENDING", "RUNNING");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path cloudDir;
    private static LocalTencentCloud cloud;
    private static TencentCloudStub stub;
    private static CosStore cos;
    private static TestStack stack;
    private static ApiClient api;

    @BeforeAll
    static void upOnTencentCloud() throws IOException {
        cloudDir = Files.createTempDirectory("drover-cvm-pipeline-");
        cloud =
                LocalTencentCloud.cosAndCvm(cloudDir, SECRET_ID, SECRET_KEY)
                        .buckets(Demo.CORPUS.bucket(), SCRATCH_BUCKET);
        cos =
                new CosStore(
                        CosConfig.localEndpoint(
                                cloud.cos().address(),
                                S3ProxyServer.HOST_SUFFIX,
                                LocalTencentCloud.REGION,
                                new CosCredentials("AKIDseeder", "seeder-secret")));
        // Each VM gets its own /tmp: the four count-words instances all use the same paths.
        stub = cloud.cvm().privateTmp();
        stack = TestStack.up(CvmPipelineIT::configureForTencentCloud);
        api = stack.api();
        stageCorpus();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (cos != null) {
                cos.close();
            }
            if (cloud != null) {
                cloud.close();
            }
            if (cloudDir != null) {
                TestStack.deleteTree(cloudDir);
            }
        }
    }

    @Test
    @Order(1)
    void theExamplePipelineRunsUnchangedOnCvmWithInputsOutputsAndLogsInCos() throws Exception {
        int runsBefore = stub.calls("RunInstances");

        String jobId = submitAsIs(REPO.resolve("examples/wordcount.json"));

        JsonNode job = awaitFinished(jobId, Duration.ofMinutes(5));
        assertThat(job.path("JobState").asText()).as(job.toPrettyString()).isEqualTo("SUCCEED");
        String expected = Files.readString(REPO.resolve("examples/wordcount.expected"));
        assertThat(read(Demo.REPORT.resolve(Demo.REPORT_FILE))).isEqualTo(expected);
        // split, four count-words, count-lines, merge, report: one VM per instance attempt.
        assertThat(stub.calls("RunInstances") - runsBefore).isGreaterThanOrEqualTo(8);
        List<String> instances =
                List.of(
                        "split.0",
                        "count-words.0",
                        "count-words.1",
                        "count-words.2",
                        "count-words.3",
                        "count-lines.0",
                        "merge.0",
                        "report.0");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            List<String> archived = names(Demo.LOGS);
                            for (String instance : instances) {
                                assertThat(archived)
                                        .contains(
                                                "stdout." + jobId + "." + instance + ".log",
                                                "stderr." + jobId + "." + instance + ".log");
                            }
                            assertThat(log("stdout", jobId, "report.0")).isEqualTo(expected);
                        });
        for (int i = 0; i < 4; i++) {
            assertThat(log("stdout", jobId, "count-words." + i))
                    .startsWith("shard " + i + " of 4: ");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> aliveVms().isEmpty());
    }

    @Test
    @Order(2)
    void aProvisionerKilledWithSigkillUnderRunningVmsLeavesNoOrphanVm() throws Exception {
        String jobId =
                api.submit(JobDocument.read(Path.of("src/test/resources/jobs/cvm-sleepers.json")));
        // Both commands started on their VMs: the journal holds both attempts as RUNNING.
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () ->
                                instanceStates(jobId, "sleep").equals(List.of("RUNNING", "RUNNING"))
                                        && vmsOf(jobId, "1").size() == 2);
        List<String> firstVms = vmsOf(jobId, "1").stream().map(StubVm::instanceId).toList();
        assertThat(vmsOf(jobId, "1")).allMatch(vm -> vm.state().equals("RUNNING"));
        Pids.Entry killed = provisioner();

        // SIGKILL, as kill -9: no shutdown hook, the VMs are left as a crash leaves them.
        assertThat(killed.live().orElseThrow().destroyForcibly()).isTrue();

        // The supervisor starts it again; it reports the open attempts lost and the scheduler
        // retries them on new VMs.
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () ->
                                provisioner().pid() != killed.pid()
                                        && provisioner().live().isPresent());
        // The restarted provisioner's reconciler (first pass at its start, then every
        // drover.cvm.reconcile-interval) terminates the VMs no live attempt owns.
        await().atMost(Duration.ofMinutes(3))
                .until(
                        () ->
                                aliveVms().stream()
                                        .noneMatch(vm -> firstVms.contains(vm.instanceId())));
        // The job's final state: SUCCEED. Each instance's first attempt was reported failed as
        // "node lost" and retried (MaxRetryCount 1) on a VM of its own.
        JsonNode job = awaitFinished(jobId, Duration.ofMinutes(4));
        assertThat(job.path("JobState").asText()).as(job.toPrettyString()).isEqualTo("SUCCEED");
        JsonNode task = api.task(jobId, "sleep", 0, 10);
        for (JsonNode instance : task.path("TaskInstanceSet")) {
            assertThat(instance.path("State").asText()).isEqualTo("SUCCEED");
            assertThat(instance.path("Attempts").asInt()).as(instance.toString()).isEqualTo(2);
        }
        String provisionerLog = Files.readString(stack.home().log("provisioner-service"));
        for (int i = 0; i < 2; i++) {
            assertThat(provisionerLog)
                    .contains(
                            "jobId="
                                    + jobId
                                    + " task=sleep instance="
                                    + i
                                    + " attempt=1 FAILED kind=NODE_LOST reason=node lost");
            String name = "sleep." + i;
            int index = i;
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    read(
                                                            Demo.LOGS.resolve(
                                                                    "cvm-sleepers/stdout."
                                                                            + jobId
                                                                            + "."
                                                                            + name
                                                                            + ".log")))
                                            .isEqualTo("instance " + index + " slept\n"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> aliveVms().isEmpty());
    }

    /**
     * provisioner-service on the cvm backend against the stub, with COS on S3Proxy for it and for
     * log-collector; the image and instance type are the defaults a task without ComputeEnv gets.
     */
    private static void configureForTencentCloud(StackHome home) throws IOException {
        Properties provisioner = new Properties();
        provisioner.putAll(cloud.cvmConfig(SCRATCH_BUCKET));
        provisioner.put("drover.provisioner.backend", "cvm");
        provisioner.put("drover.cvm.default-image-id", "img-drover-pipeline");
        provisioner.put("drover.cvm.default-instance-type", "S5.MEDIUM2");
        provisioner.put("drover.cvm.poll-interval", "100ms");
        provisioner.put("drover.cvm.max-poll-interval", "1s");
        provisioner.put("drover.cvm.reconcile-interval", "5s");
        write(home.serviceConfig("provisioner-service"), provisioner);
        Properties collector = new Properties();
        collector.putAll(cloud.cosConfig());
        write(home.serviceConfig("log-collector"), collector);
    }

    private static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by CvmPipelineIT");
        }
    }

    /** The corpus into the bucket and prefix the example reads, as a user would upload it. */
    private static void stageCorpus() throws IOException {
        try (Stream<Path> books = Files.list(REPO.resolve("examples/corpus"))) {
            for (Path book : books.filter(p -> p.toString().endsWith(".txt")).toList()) {
                cos.put(Demo.CORPUS.resolve(book.getFileName().toString()), book);
            }
        }
    }

    /** POSTs the file's bytes as they are, so the job is exactly the one in the repository. */
    private static String submitAsIs(Path document) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(api.base() + "/v1/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofFile(document))
                        .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("JobId").asText();
    }

    private static JsonNode awaitFinished(String jobId, Duration limit) {
        return await().atMost(limit)
                .until(
                        () -> api.job(jobId),
                        job -> Set.of("SUCCEED", "FAILED").contains(job.path("JobState").asText()));
    }

    private static List<String> instanceStates(String jobId, String task) {
        List<String> states = new ArrayList<>();
        api.task(jobId, task, 0, 10)
                .path("TaskInstanceSet")
                .forEach(i -> states.add(i.path("State").asText()));
        return states;
    }

    /** The job's VMs of one attempt number that are not yet terminating. */
    private static List<StubVm> vmsOf(String jobId, String attempt) {
        return aliveVms().stream()
                .filter(vm -> jobId.equals(vm.tags().get("drover-job")))
                .filter(vm -> attempt.equals(vm.tags().get("drover-attempt")))
                .toList();
    }

    private static List<StubVm> aliveVms() {
        return stub.liveVms().stream().filter(vm -> ALIVE.contains(vm.state())).toList();
    }

    private static Pids.Entry provisioner() {
        return Pids.read(stack.home().pids()).stream()
                .filter(e -> e.name().equals("provisioner-service"))
                .findFirst()
                .orElseThrow();
    }

    private static String log(String stream, String jobId, String instance) throws IOException {
        return read(Demo.LOGS.resolve(stream + "." + jobId + "." + instance + ".log"));
    }

    private static String read(RemotePath object) throws IOException {
        try (InputStream in = cos.open(object)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchObjectException e) {
            throw new AssertionError(object + " is not in COS", e);
        }
    }

    private static List<String> names(RemotePath directory) throws IOException {
        return cos.list(directory).stream().map(ObjectInfo::relativeKey).toList();
    }
}
