package dev.drover.jobs.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.EventCodec;
import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What operators and API users rely on besides the job endpoints. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class OperationsIT {

    private static final String PROBLEM_SCHEMA = "/content/application~1problem+json/schema/$ref";

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Kafka"))
                .body(containsString("Database"));
    }

    @Test
    void openApiDocumentsEveryEndpointAndItsProblems() throws Exception {
        String document =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .body(
                                containsString(
                                        "/v1/jobs/{jobId}/tasks/{taskName}/instances/{index}/logs"))
                        .body(containsString("/v1/jobs/validate"))
                        .body(containsString("ResourceInUse.Job"))
                        .extract()
                        .asString();
        JsonNode openApi = EventCodec.mapper().readTree(document);
        List<String> problemSchemas = new ArrayList<>();
        for (JsonNode path : openApi.path("paths")) {
            for (JsonNode operation : path) {
                for (Map.Entry<String, JsonNode> response :
                        operation.path("responses").properties()) {
                    if (response.getKey().startsWith("4")) {
                        problemSchemas.add(response.getValue().at(PROBLEM_SCHEMA).asText());
                    }
                }
            }
        }
        // Every endpoint names its 4xx answers; each is documented as a problem+json Problem.
        assertThat(problemSchemas)
                .hasSizeGreaterThanOrEqualTo(15)
                .containsOnly("#/components/schemas/Problem");
        assertThat(openApi.at("/components/schemas/Problem/properties").has("code")).isTrue();
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void acceptedJobsAreCounted() {
        Api.submit(Bodies.singleTask("metrics", 1).toString());
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("drover_jobs_accepted_total"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblems() {
        given().get("/v1/nothing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("ResourceNotFound"));
        given().put("/v1/jobs").then().statusCode(405).contentType("application/problem+json");
        given().contentType("application/json")
                .body("[1,2]")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body("")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameter"));
        given().contentType("application/json")
                .body("{\"a\":1,\"a\":2}")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameter"));
    }
}
