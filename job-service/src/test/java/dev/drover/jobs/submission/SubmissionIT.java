package dev.drover.jobs.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.Topics;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.jobs.support.Sql;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class SubmissionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void acceptedJobIsStoredAndItsRootIsReleased() throws Exception {
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS);
                TopicProbe ready = Events.probe(Topics.TASK_READY)) {
            String jobId =
                    given().contentType("application/json")
                            .body(Bodies.fixture("valid/c03-case-distinct.json"))
                            .post("/v1/jobs")
                            .then()
                            .statusCode(201)
                            .header("Location", matchesPattern(".*/v1/jobs/job-[a-z0-9]{8}"))
                            .body("JobId", matchesPattern("job-[a-z0-9]{8}"))
                            .extract()
                            .path("JobId");

            assertThat(
                            Sql.count(
                                    "select count(*) from job where id = ? and state = 'SUBMITTED'",
                                    jobId))
                    .isEqualTo(1);
            assertThat(
                            Sql.count(
                                    "select count(*) from task where job_id = ? and name = 'A' and state = 'RUNNABLE'",
                                    jobId))
                    .isEqualTo(1);
            assertThat(
                            Sql.count(
                                    "select count(*) from task where job_id = ? and name = 'a' and state = 'PENDING'",
                                    jobId))
                    .isEqualTo(1);
            assertThat(Sql.count("select count(*) from instance where job_id = ?", jobId))
                    .isEqualTo(2);
            assertThat(Sql.count("select count(*) from dependence where job_id = ?", jobId))
                    .isEqualTo(1);

            jobEvents.awaitRecord(r -> jobId.equals(r.key()), WAIT);
            TaskReady root = Events.taskReady(awaitReady(ready, jobId), jobId).get(0);
            assertThat(root.taskName()).isEqualTo("A");
            assertThat(root.attempt()).isEqualTo(1);
            assertThat(root.instanceIndexes()).containsExactly(0);
            assertThat(root.priority()).isEqualTo(1);
            assertThat(root.task().application().command()).isEqualTo("echo upper");
            List<JobEvent> accepted = Events.jobEvents(jobEvents, jobId);
            assertThat(accepted).singleElement().isInstanceOf(JobAccepted.class);
            await().atMost(WAIT)
                    .until(
                            () ->
                                    Sql.count(
                                                    "select count(*) from outbox where record_key = ?",
                                                    jobId)
                                            == 0);
        }
    }

    @Test
    void bigJobIsPublishedInPartsThatReassembleToTheWholeSpec() throws Exception {
        int width = 1_200;
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS);
                TopicProbe ready = Events.probe(Topics.TASK_READY)) {
            String jobId = submit(Bodies.fan("parts", width).toString()).extract().path("JobId");

            await().atMost(WAIT).until(() -> Events.jobEvents(jobEvents, jobId).size() >= 3);
            List<JobAccepted> parts =
                    Events.jobEvents(jobEvents, jobId).stream()
                            .map(JobAccepted.class::cast)
                            .sorted(Comparator.comparingInt(JobAccepted::part))
                            .toList();
            assertThat(parts).extracting(JobAccepted::partCount).containsOnly(parts.size());
            assertThat(parts).extracting(JobAccepted::part).containsExactly(0, 1, 2);
            List<String> taskNames =
                    parts.stream()
                            .flatMap(p -> p.tasks().stream())
                            .map(TaskSpec::taskName)
                            .toList();
            List<Dependence> edges = parts.stream().flatMap(p -> p.dependences().stream()).toList();
            assertThat(taskNames)
                    .hasSize(width + 2)
                    .doesNotHaveDuplicates()
                    .startsWith("R", "T00000");
            assertThat(edges).hasSize(2 * width).doesNotHaveDuplicates();
            assertThat(parts.get(0).taskCount()).isEqualTo(width + 2);
            assertThat(parts.get(0).dependenceCount()).isEqualTo(2 * width);

            awaitReady(ready, jobId);
            assertThat(Events.taskReady(ready, jobId))
                    .singleElement()
                    .extracting(TaskReady::taskName)
                    .isEqualTo("R");
        }
    }

    @Test
    void retriedClientTokenAnswersTheSameJobAndADifferentDocumentConflicts() {
        String token = "tok-" + UUID.randomUUID();
        ObjectNode body = Bodies.singleTask("token", 1);
        body.put("ClientToken", token);
        String jobId = submit(body.toString()).extract().path("JobId");

        given().contentType("application/json")
                .body(body.toString())
                .post("/v1/jobs")
                .then()
                .statusCode(200)
                .body("JobId", equalTo(jobId));
        assertThat(Sql.count("select count(*) from job where client_token = ?", token))
                .isEqualTo(1);

        ObjectNode other = Bodies.singleTask("token-other", 1);
        other.put("ClientToken", token);
        given().contentType("application/json")
                .body(other.toString())
                .post("/v1/jobs")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ResourceInUse.ClientToken"))
                .body("fields[0]", equalTo("ClientToken"));
    }

    /** JobName is optional, as in Tencent's API: stored and shown as the empty name. */
    @Test
    void aJobWithoutANameIsStoredAndShownWithTheEmptyName() {
        ObjectNode unnamed = Bodies.singleTask("ignored", 1);
        ((ObjectNode) unnamed.get("Job")).remove("JobName");
        ObjectNode nullName = Bodies.singleTask("ignored", 1);
        ((ObjectNode) nullName.get("Job")).putNull("JobName");

        for (ObjectNode body : List.of(unnamed, nullName)) {
            given().contentType("application/json")
                    .body(body.toString())
                    .post("/v1/jobs:validate")
                    .then()
                    .statusCode(200)
                    .body("Valid", equalTo(true));
            String jobId = submit(body.toString()).extract().path("JobId");
            given().get("/v1/jobs/{id}", jobId).then().statusCode(200).body("JobName", equalTo(""));
        }
    }

    @Test
    void unknownFieldsAtEveryLevelAreRefusedByTheirPaths() {
        ObjectNode body = Bodies.singleTask("typo", 1);
        body.put("Zzz", 1);
        ObjectNode job = (ObjectNode) body.get("Job");
        job.put("Foo", 1);
        ObjectNode task = (ObjectNode) job.get("Tasks").get(0);
        task.put("MaxRetryCont", 3);
        ((ObjectNode) task.get("Application")).put("Bar", 2);
        long before = Sql.count("select count(*) from job");

        given().contentType("application/json")
                .body(body.toString())
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UnknownParameter"))
                .body(
                        "fields",
                        contains(
                                "Zzz",
                                "Job.Foo",
                                "Job.Tasks[0].MaxRetryCont",
                                "Job.Tasks[0].Application.Bar"));
        assertThat(Sql.count("select count(*) from job")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400NamingTheBody() {
        given().contentType("application/json")
                .body("{\"Job\": {")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidParameter"))
                .body("fields[0]", equalTo("body"))
                .body("status", equalTo(400))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void validateAnswersWithoutCreating() {
        long before = Sql.count("select count(*) from job");
        given().contentType("application/json")
                .body(Bodies.fixture("valid/c05-base.json"))
                .post("/v1/jobs:validate")
                .then()
                .statusCode(200)
                .body("Valid", equalTo(true));
        given().contentType("application/json")
                .body(Bodies.fixture("invalid/cycle-three-nodes.json"))
                .post("/v1/jobs:validate")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterValue.DependenceUnfeasible"));
        assertThat(Sql.count("select count(*) from job")).isEqualTo(before);
    }

    private static io.restassured.response.ValidatableResponse submit(String body) {
        return given().contentType("application/json")
                .body(body)
                .post("/v1/jobs")
                .then()
                .statusCode(201);
    }

    private static TopicProbe awaitReady(TopicProbe ready, String jobId)
            throws InterruptedException {
        ready.awaitRecord(r -> jobId.equals(r.key()), WAIT);
        return ready;
    }
}
