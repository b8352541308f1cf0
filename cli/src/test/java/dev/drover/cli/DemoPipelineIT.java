package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.cli.api.ApiClient;
import dev.drover.cli.demo.Demo;
import dev.drover.cli.stack.Pids;
import dev.drover.cli.stack.Repo;
import dev.drover.cli.stack.StackHome;
import dev.drover.cli.stack.StackState;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole product on this machine: {@code drover up} starts Kafka, PostgreSQL and the four
 * services as their own processes in a temporary home, {@code drover demo} runs the example
 * pipeline over the real corpus, and {@code drover down} must leave no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPipelineIT {

    private static final Pattern JOB_ID = Pattern.compile("Submitted (job-[a-z0-9]{8})");
    private static final Path REPO = Repo.locate(null);

    private static TestStack stack;
    private static StackHome home;
    private static String demoJob;
    private static ApiClient api;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void up() throws IOException {
        stack = TestStack.up();
        home = stack.home();
        api = stack.api();
    }

    @AfterAll
    static void stopWhateverIsLeftAndRemoveTheHome() throws IOException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void demoRunsTheDiamondToTheExactTopWords() throws IOException {
        int exit = drover("demo", "--home", home.root().toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("This is exactly examples/wordcount.expected.");
        String jobId = jobId();
        demoJob = jobId;
        JsonNode job = api.job(jobId);
        assertThat(job.path("JobState").asText()).isEqualTo("SUCCEED");
        List<String> tasks = new ArrayList<>();
        for (JsonNode task : job.path("TaskSet")) {
            tasks.add(task.path("TaskName").asText() + "=" + task.path("TaskState").asText());
        }
        assertThat(tasks)
                .containsExactlyInAnyOrder(
                        "split=SUCCEED",
                        "count-words=SUCCEED",
                        "count-lines=SUCCEED",
                        "merge=SUCCEED",
                        "report=SUCCEED");

        Demo demo = new Demo(home, REPO);
        String expected = Files.readString(demo.expected());
        assertThat(Files.readString(demo.result())).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(logs(jobId, "report", 0, "stdout")).isEqualTo(expected));
    }

    @Test
    @Order(2)
    void everyInstancesStdoutAndStderrAreArchivedUnderTheRedirectPath() throws IOException {
        String jobId = demoJob;
        assertThat(jobId).as("the demo's job").isNotNull();
        Path logs = new Demo(home, REPO).local(Demo.LOGS);
        List<String> instances =
                List.of(
                        "split/0",
                        "count-words/0",
                        "count-words/1",
                        "count-words/2",
                        "count-words/3",
                        "count-lines/0",
                        "merge/0",
                        "report/0");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            for (String instance : instances) {
                                String[] ti = instance.split("/");
                                for (String stream : List.of("stdout", "stderr")) {
                                    Path file =
                                            logs.resolve(
                                                    stream + "." + jobId + "." + ti[0] + "." + ti[1]
                                                            + ".log");
                                    assertThat(file).as(instance).exists();
                                }
                            }
                        });
        for (int i = 0; i < 4; i++) {
            assertThat(logs(jobId, "count-words", i, "stdout"))
                    .startsWith("shard " + i + " of 4: ");
        }
    }

    @Test
    @Order(3)
    void submitWaitExitsOneWhenABranchFailsAndNamesTheFailedTasks() {
        int exit =
                drover(
                        "submit",
                        REPO.resolve("examples/failing-branch.json").toString(),
                        "--wait",
                        "--api",
                        api.base());

        assertThat(exit).as(out + "\n" + err).isEqualTo(Drover.FAILED);
        assertThat(out.toString()).contains(" FAILED").contains("check FAILED", "notify FAILED");
        JsonNode job = api.job(jobId());
        for (JsonNode task : job.path("TaskSet")) {
            if (List.of("fetch", "publish").contains(task.path("TaskName").asText())) {
                assertThat(task.path("TaskState").asText()).isEqualTo("SUCCEED");
            }
        }
    }

    @Test
    @Order(4)
    void aFlakyInstanceSucceedsOnItsRetry() {
        int exit =
                drover(
                        "submit",
                        REPO.resolve("examples/retry.json").toString(),
                        "--wait",
                        "--api",
                        api.base());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("SUCCEED");
    }

    @Test
    @Order(5)
    void anApiRejectionShowsCodeDetailAndFields() {
        Path cyclic = Path.of("src/test/resources/jobs/cycle.json").toAbsolutePath();

        int exit = drover("submit", cyclic.toString(), "--api", api.base());

        assertThat(exit).isEqualTo(Drover.FAILED);
        assertThat(err.toString())
                .contains(
                        "the API refused the request (HTTP 400): "
                                + "InvalidParameterValue.DependenceUnfeasible")
                .contains("fields: ");
        assertThat(out.toString()).doesNotContain("Submitted");
    }

    @Test
    @Order(6)
    void upTwiceSaysItIsAlreadyRunning() {
        int exit = drover("up", "--detach", "--home", home.root().toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Drover is already running from " + home.root());
    }

    @Test
    @Order(7)
    void downLeavesNoProcessBehind() {
        List<Pids.Entry> recorded = Pids.read(home.pids());
        assertThat(recorded)
                .extracting(Pids.Entry::name)
                .contains(
                        "supervisor",
                        "kafka",
                        "postgres",
                        "job-service",
                        "scheduler-service",
                        "provisioner-service",
                        "log-collector");
        long supervisorPid = recorded.get(0).pid();
        List<ProcessHandle> descendants =
                ProcessHandle.of(supervisorPid)
                        .map(p -> p.descendants().toList())
                        .orElse(List.of());
        assertThat(descendants).isNotEmpty();

        int exit = drover("down", "--home", home.root().toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Drover stopped");
        for (Pids.Entry entry : recorded) {
            assertThat(entry.live()).as(entry.name()).isEmpty();
        }
        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
        assertThat(StackState.read(home)).isEmpty();
        assertThat(home.stackPid()).doesNotExist();
    }

    private int drover(String... args) {
        return TestStack.run(out, err, args);
    }

    private String jobId() {
        Matcher m = JOB_ID.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group(1);
    }

    private static String logs(String jobId, String task, int index, String stream)
            throws IOException {
        try (InputStream in = api.logs(jobId, task, index, stream, null)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
