package dev.drover.jobs.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and API users rely on besides the job endpoints. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class OperationsIT {

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
    void openApiDocumentsEveryEndpointAndItsProblems() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/v1/jobs/{jobId}/tasks/{taskName}/instances/{index}/logs"))
                .body(containsString("/v1/jobs/validate"))
                .body(containsString("application/problem+json"))
                .body(containsString("ResourceInUse.Job"));
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
