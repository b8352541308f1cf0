package dev.drover.jobs.logs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.drover.contract.Topics;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.contract.storage.RemotePath;
import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class LogsIT {

    private static final byte[] BYTES = {'o', 'k', (byte) 0x80, (byte) 0xff, 0x00, '\n'};

    @Test
    void archivedLogIsServedByteExactAndAnUnarchivedOneIsA404() throws Exception {
        String jobId = Api.submit(Bodies.singleTask("logs", 2).toString());
        given().queryParam("stream", "stdout")
                .get("/v1/jobs/{id}/tasks/T/instances/0/logs", jobId)
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Logs"));

        Path file =
                Files.createTempDirectory("drover-logs").resolve("stdout." + jobId + ".T.0.log");
        Files.write(file, BYTES);
        Events.send(
                Topics.LOGS_ARCHIVED,
                LogsArchived.of(
                        jobId,
                        "T",
                        0,
                        1,
                        LogStream.STDOUT,
                        RemotePath.fileUriPath(file),
                        BYTES.length,
                        "unchecked"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("stream", "stdout")
                                        .get("/v1/jobs/{id}/tasks/T/instances/0/logs", jobId)
                                        .then()
                                        .statusCode(200)
                                        .contentType("application/octet-stream"));
        byte[] served =
                given().queryParam("stream", "stdout")
                        .queryParam("attempt", 1)
                        .get("/v1/jobs/{id}/tasks/T/instances/0/logs", jobId)
                        .asByteArray();
        assertThat(served).containsExactly(BYTES);
        Events.send(Topics.INSTANCE_EVENTS, InstanceSucceeded.of(jobId, "T", 0, 1, null, null));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().get("/v1/jobs/{id}/tasks/T", jobId)
                                        .then()
                                        .body(
                                                "TaskInstanceSet[0].StdoutUri",
                                                equalTo(RemotePath.fileUriPath(file)))
                                        .body("TaskInstanceSet[0].StderrUri", equalTo(null)));
    }

    @Test
    void aStreamTheFinalEventNamesEmptyIsServedEmptyRatherThanMissing() {
        String jobId = Api.submit(Bodies.singleTask("logs-empty", 2).toString());
        String path = "/v1/jobs/{id}/tasks/T/instances/1/logs";
        given().queryParam("stream", "stderr")
                .get(path, jobId)
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Logs"));

        InstanceSucceeded end =
                InstanceSucceeded.of(jobId, "T", 1, 1, Instant.now(), Instant.now())
                        .withEmptyLogs(List.of(LogStream.STDOUT, LogStream.STDERR));
        Events.send(Topics.INSTANCE_EVENTS, end);
        // A redelivery of the same end changes nothing.
        Events.send(Topics.INSTANCE_EVENTS, end);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("stream", "stderr")
                                        .get(path, jobId)
                                        .then()
                                        .statusCode(200));
        for (String stream : List.of("stdout", "stderr")) {
            byte[] served =
                    given().queryParam("stream", stream)
                            .queryParam("attempt", 1)
                            .get(path, jobId)
                            .then()
                            .statusCode(200)
                            .contentType("application/octet-stream")
                            .extract()
                            .asByteArray();
            assertThat(served).as(stream).isEmpty();
        }
        given().get("/v1/jobs/{id}/tasks/T", jobId)
                .then()
                .body("TaskInstanceSet[1].State", equalTo("SUCCEED"))
                .body("TaskInstanceSet[1].StdoutUri", equalTo(null));
        // Only the attempt the event ended is empty; instance 0 is still not archived.
        given().get("/v1/jobs/{id}/tasks/T/instances/0/logs", jobId)
                .then()
                .statusCode(404)
                .body("detail", containsString("not archived yet"));
        // The ended instance had one attempt: a second one will never have logs.
        given().queryParam("attempt", 2)
                .get(path, jobId)
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Logs"))
                .body("detail", containsString("there is no attempt 2"))
                .body("fields[0]", equalTo("attempt"));
    }

    @Test
    void badParametersAndUnknownInstancesAreNamed() {
        String jobId = Api.submit(Bodies.singleTask("logs-bad", 1).toString());
        String path = "/v1/jobs/{id}/tasks/{t}/instances/{i}/logs";
        given().queryParam("stream", "stdlog")
                .get(path, jobId, "T", "0")
                .then()
                .statusCode(400)
                .body("fields[0]", equalTo("stream"));
        given().get(path, jobId, "T", "x")
                .then()
                .statusCode(400)
                .body("fields[0]", equalTo("index"));
        given().queryParam("attempt", "0").get(path, jobId, "T", "0").then().statusCode(400);
        given().get(path, jobId, "T", "5")
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Instance"));
        given().get(path, jobId, "nope", "0")
                .then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFound.Task"));
    }
}
