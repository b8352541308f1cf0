package dev.drover.jobs.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;
import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class QueryIT {

    /** Names unique to this run, so other tests' jobs never enter the pages. */
    private static final String run = UUID.randomUUID().toString().substring(0, 8);

    private static final List<String> names = new ArrayList<>();
    private static final List<String> jobIds = new ArrayList<>();

    @BeforeEach
    void submitTwentyFiveJobsOnce() {
        if (!jobIds.isEmpty()) {
            return;
        }
        for (int i = 0; i < 25; i++) {
            String name = String.format("c21-%s-%02d", run, i);
            names.add(name);
            jobIds.add(Api.submit(Bodies.singleTask(name, 1).toString()));
        }
    }

    @Test
    void pagesOfTenHoldTenTenFiveAndZeroWithNoDuplicatesOrGaps() {
        Set<String> seen = new HashSet<>();
        int[] expected = {10, 10, 5, 0};
        for (int page = 0; page < 4; page++) {
            Response response = page(names, page * 10, "10");
            response.then()
                    .statusCode(200)
                    .body("TotalCount", equalTo(25))
                    .body("JobSet", hasSize(expected[page]));
            List<String> ids = response.path("JobSet.JobId");
            assertThat(ids).allMatch(seen::add);
            assertThat(page(names, page * 10, "10").<List<String>>path("JobSet.JobId"))
                    .as("the same call gives the same page")
                    .isEqualTo(ids);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(jobIds);
        List<String> firstPage = page(names, 0, "10").path("JobSet.JobId");
        assertThat(firstPage.get(0)).as("newest first").isEqualTo(jobIds.get(24));
    }

    @Test
    void exactMultipleOfThePageSizeOffersNoEmptyPage() {
        List<String> first20 = names.subList(0, 20);
        page(first20, 0, "10").then().body("JobSet", hasSize(10)).body("TotalCount", equalTo(20));
        page(first20, 10, "10").then().body("JobSet", hasSize(10)).body("TotalCount", equalTo(20));
        page(first20, 20, "10").then().body("JobSet", hasSize(0)).body("TotalCount", equalTo(20));
    }

    @Test
    void limitDefaultsToTwentyAndOutOfRangeValuesAreRejected() {
        page(names, 0, null)
                .then()
                .statusCode(200)
                .body("JobSet", hasSize(20))
                .body("TotalCount", equalTo(25));
        page(names, 0, "101")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("InvalidParameterValue"))
                .body("detail", containsString("Limit"))
                .body("detail", containsString("100"));
        page(names, 0, "-1")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterValue.Negative"));
        given().queryParam("Offset", "-1")
                .get("/v1/jobs")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterValue.Negative"));
        given().queryParam("Limit", "ten")
                .get("/v1/jobs")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterValue"));
        given().queryParam("state", "DONE")
                .get("/v1/jobs")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterValue"));
    }

    @Test
    void filtersByStateAndTag() {
        ObjectNode tagged = Bodies.singleTask("tagged-" + run, 1);
        ((ObjectNode) tagged.get("Job"))
                .putArray("Tags")
                .addObject()
                .put("Key", "team-" + run)
                .put("Value", "blue");
        String jobId = Api.submit(tagged.toString());
        given().queryParam("tag", "team-" + run)
                .get("/v1/jobs")
                .then()
                .body("JobSet.JobId", equalTo(List.of(jobId)));
        given().queryParam("tag", "team-" + run + "=blue")
                .get("/v1/jobs")
                .then()
                .body("TotalCount", equalTo(1));
        given().queryParam("tag", "team-" + run + "=red")
                .get("/v1/jobs")
                .then()
                .body("TotalCount", equalTo(0));
        given().queryParam("jobId", jobId)
                .queryParam("state", "SUBMITTED")
                .get("/v1/jobs")
                .then()
                .body("TotalCount", equalTo(1))
                .body("JobSet[0].TaskMetrics.RunnableCount", equalTo(1));
    }

    @Test
    void describeTaskPagesTwoHundredFiftyInstancesByIndex() {
        String jobId = Api.submit(Bodies.singleTask("instances-" + run, 250).toString());
        List<Integer> indexes = new ArrayList<>();
        int[] expected = {100, 100, 50};
        for (int page = 0; page < 3; page++) {
            Response response =
                    given().queryParam("Offset", page * 100).get("/v1/jobs/{id}/tasks/T", jobId);
            response.then()
                    .statusCode(200)
                    .body("TotalCount", equalTo(250))
                    .body("TaskInstanceSet", hasSize(expected[page]));
            indexes.addAll(response.path("TaskInstanceSet.TaskInstanceIndex"));
        }
        assertThat(indexes)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 250).boxed().toList());
        given().get("/v1/jobs/{id}/tasks/T", jobId)
                .then()
                .body("TaskInstanceSet[0].State", equalTo("RUNNABLE"))
                .body("TaskInstanceSet[0].Attempts", equalTo(0))
                .body("TaskInstanceMetrics.RunnableCount", equalTo(250));
        given().queryParam("Limit", "1001")
                .get("/v1/jobs/{id}/tasks/T", jobId)
                .then()
                .statusCode(400)
                .body("detail", containsString("1000"));
    }

    @Test
    void describeTaskAnswersTheTaskFieldsAfterJobIdInTheirOrder() throws Exception {
        String jobId = Api.submit(Bodies.singleTask("fields-" + run, 1).toString());
        String body =
                given().get("/v1/jobs/{id}/tasks/T", jobId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        List<String> fields = new ArrayList<>();
        EventCodec.mapper().readTree(body).fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "JobId",
                        "TaskName",
                        "TaskState",
                        "TaskInstanceNum",
                        "StateReason",
                        "CreateTime",
                        "StartTime",
                        "EndTime",
                        "TaskInstanceMetrics",
                        "TaskInstanceSet",
                        "TotalCount",
                        "RequestId");
    }

    @Test
    void describeJobShowsTasksDependencesAndCountsAndNamesByteExact() {
        String jobId = Api.submit(Bodies.fixture("valid/c04-names-ok.json"));
        given().get("/v1/jobs/{id}", jobId)
                .then()
                .statusCode(200)
                .body("JobId", equalTo(jobId))
                .body("JobState", equalTo("SUBMITTED"))
                .body(
                        "TaskSet.TaskName",
                        equalTo(
                                List.of(
                                        "2e28bd01-bd05-11eb-ada6-7354cd06d1c4",
                                        "数据 清洗 (v2)",
                                        "split")))
                .body("TaskSet.TaskState", equalTo(List.of("RUNNABLE", "PENDING", "PENDING")))
                .body("DependenceSet", hasSize(2))
                .body("TaskMetrics.RunnableCount", equalTo(1))
                .body("TaskMetrics.PendingCount", equalTo(2))
                .body("TaskInstanceMetrics.PendingCount", equalTo(2))
                .body("CreateTime", org.hamcrest.Matchers.endsWith("Z"));
        given().urlEncodingEnabled(true)
                .get("/v1/jobs/{id}/tasks/{task}", jobId, "数据 清洗 (v2)")
                .then()
                .statusCode(200)
                .body("TaskName", equalTo("数据 清洗 (v2)"));
    }

    @Test
    void unknownJobAndTaskAre404WithTheirCodes() {
        given().get("/v1/jobs/job-00000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("ResourceNotFound.Job"));
        String jobId = jobIds.get(0);
        given().get("/v1/jobs/{id}/tasks/{t}", jobId, "nope")
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Task"));
        given().get("/v1/jobs/{id}/submit-info", "job-zzzzzzzz")
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Job"));
    }

    @Test
    void nulByteInAPathOrQueryParameterIsA400NamingTheParameter() {
        String jobId = jobIds.get(0);
        String[][] cases = {
            {"GET", "/v1/jobs/%00", "jobId"},
            {"GET", "/v1/jobs/job-x%00y", "jobId"},
            {"GET", "/v1/jobs/job-x%00y/submit-info", "jobId"},
            {"GET", "/v1/jobs?name=%00", "name"},
            {"GET", "/v1/jobs?tag=%00", "tag"},
            {"GET", "/v1/jobs?name=ok&state=RUNNING%00", "state"},
            {"GET", "/v1/jobs/" + jobId + "/tasks/%00", "taskName"},
            {"GET", "/v1/jobs/" + jobId + "/tasks/T?Offset=%00", "Offset"},
            {"DELETE", "/v1/jobs/x%00", "jobId"},
        };
        for (String[] each : cases) {
            given().urlEncodingEnabled(false)
                    .request(each[0], each[1])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("InvalidParameterValue"))
                    .body("fields", equalTo(List.of(each[2])))
                    .body("detail", containsString(each[2]));
        }
    }

    @Test
    void submitInfoFillsDefaultsAndMasksSecrets() {
        String jobId = Api.submit(Bodies.fixture("valid/full-featured.json"));
        Response info = given().get("/v1/jobs/{id}/submit-info", jobId);
        info.then().statusCode(200).body("JobId", equalTo(jobId));
        String text = info.asString();
        assertThat(text).contains("******").doesNotContain("\"secret\"").doesNotContain("\"p\"");
        assertThat(info.<Object>path("Job.Tasks[0].MaxRetryCount")).isNotNull();
        assertThat(info.<Object>path("Job.Tasks[0].Timeout")).isNotNull();
    }

    private static Response page(List<String> names, int offset, String limit) {
        var request = given().queryParam("Offset", offset);
        names.forEach(n -> request.queryParam("name", n));
        if (limit != null) {
            request.queryParam("Limit", limit);
        }
        return request.get("/v1/jobs");
    }
}
