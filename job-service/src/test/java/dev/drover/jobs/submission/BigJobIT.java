package dev.drover.jobs.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.drover.contract.Topics;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.jobs.support.Sql;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** C23: a 10,000-task fan and a 10,000-instance task are validated, stored and released. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class BigJobIT {

    @Test
    void tenThousandTaskFanIsAcceptedWellWithinThirtySeconds() throws Exception {
        String body = Bodies.fan("c23-fan", 10_000).toString();
        // A first, smaller fan warms the JIT up, so the figure is not a cold start.
        submitOnce(Bodies.fan("c23-warm-up", 2_000).toString()).then().statusCode(201);
        try (TopicProbe ready = Events.probe(Topics.TASK_READY)) {
            long start = System.nanoTime();
            Response response = submitOnce(body);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "C23a: %d-byte, 10,002-task submission answered in %d ms%n",
                    body.length(), millis);
            response.then().statusCode(201);
            assertThat(millis).isLessThan(30_000);
            String jobId = response.path("JobId");

            assertThat(Sql.count("select count(*) from task where job_id = ?", jobId))
                    .isEqualTo(10_002);
            assertThat(Sql.count("select count(*) from dependence where job_id = ?", jobId))
                    .isEqualTo(20_000);
            ready.awaitRecord(r -> jobId.equals(r.key()), Duration.ofSeconds(60));

            given().get("/v1/jobs/{id}", jobId)
                    .then()
                    .statusCode(200)
                    .body("TaskMetrics.PendingCount", equalTo(10_001))
                    .body("TaskInstanceMetrics.RunnableCount", equalTo(1));
            // Timed with a plain HTTP client: RestAssured's own parsing of a 2 MB answer is slow.
            HttpClient http = HttpClient.newHttpClient();
            URI uri =
                    URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/jobs/" + jobId);
            for (int i = 0; i < 3; i++) {
                long describeStart = System.nanoTime();
                HttpResponse<byte[]> answer =
                        http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofByteArray());
                System.out.printf(
                        "C23a: DescribeJob of 10,002 tasks (%d bytes) answered in %d ms%n",
                        answer.body().length, (System.nanoTime() - describeStart) / 1_000_000);
                assertThat(answer.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void tenThousandInstancesOfOneTaskAreTenThousandRowsReleasedInOneTaskReady() throws Exception {
        try (TopicProbe ready = Events.probe(Topics.TASK_READY)) {
            long start = System.nanoTime();
            String jobId =
                    submitOnce(Bodies.singleTask("c23-inst", 10_000).toString()).path("JobId");
            System.out.printf(
                    "C23b: 10,000-instance submission answered in %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(Sql.count("select count(*) from instance where job_id = ?", jobId))
                    .isEqualTo(10_000);
            ready.awaitRecord(r -> jobId.equals(r.key()), Duration.ofSeconds(60));
            assertThat(Events.taskReady(ready, jobId))
                    .singleElement()
                    .satisfies(t -> assertThat(t.instanceIndexes()).hasSize(10_000));
        }
    }

    private static Response submitOnce(String body) {
        return given().contentType("application/json").body(body).post("/v1/jobs");
    }
}
