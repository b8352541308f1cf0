package dev.drover.jobs.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.Topics;
import dev.drover.jobs.support.Api;
import dev.drover.jobs.support.Bodies;
import dev.drover.jobs.support.Events;
import dev.drover.jobs.support.Sql;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every invalid fixture through the real REST door: the status, code, first field and detail the
 * fixture table expects, and nothing stored or published.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class InvalidSubmissionIT {

    /** One row of jobs/invalid/expected.tsv. */
    record Expectation(
            String file, String code, String field, List<String> has, List<String> hasNot) {

        static Expectation parse(String line) {
            String[] c = Arrays.copyOf(line.split("\t", -1), 5);
            return new Expectation(c[0], c[1], c[2], split(c[3]), split(c[4]));
        }

        private static List<String> split(String cell) {
            return cell == null || cell.isBlank() ? List.of() : List.of(cell.split(";;"));
        }
    }

    @Test
    void everyInvalidFixtureIsRejectedWithItsCodeAndNothingIsStoredOrPublished() throws Exception {
        List<Expectation> expectations =
                Bodies.fixture("invalid/expected.tsv")
                        .lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(Expectation::parse)
                        .toList();
        assertThat(expectations).hasSizeGreaterThanOrEqualTo(25);
        long jobsBefore = Sql.count("select count(*) from job");
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS);
                TopicProbe ready = Events.probe(Topics.TASK_READY)) {
            SoftAssertions soft = new SoftAssertions();
            for (Expectation expected : expectations) {
                check(soft, expected);
            }
            soft.assertAll();
            assertThat(Sql.count("select count(*) from job")).isEqualTo(jobsBefore);

            // The outbox relays in order, so once a later job's events are out, anything the
            // rejected ones had written would be out too.
            String marker = Api.submit(Bodies.singleTask("marker-invalid", 1).toString());
            jobEvents.awaitRecord(r -> marker.equals(r.key()), Duration.ofSeconds(30));
            ready.awaitRecord(r -> marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(jobEvents.records()).allMatch(r -> marker.equals(r.key()));
            assertThat(ready.records()).allMatch(r -> marker.equals(r.key()));
        }
    }

    private static void check(SoftAssertions soft, Expectation expected) {
        Response response =
                given().contentType("application/json")
                        .body(Bodies.fixture("invalid/" + expected.file()))
                        .post("/v1/jobs");
        String what = expected.file();
        soft.assertThat(response.statusCode()).as(what).isEqualTo(400);
        soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        soft.assertThat(response.<String>path("code")).as(what).isEqualTo(expected.code());
        String detail = response.path("detail");
        soft.assertThat(detail).as(what).contains(expected.has());
        expected.hasNot().forEach(no -> soft.assertThat(detail).as(what).doesNotContain(no));
        if (!expected.field().isBlank()) {
            soft.assertThat(response.<List<String>>path("fields"))
                    .as(what)
                    .startsWith(expected.field());
        }
    }

    @Test
    void oversizedBodyIsLimitExceededStatingTheLimit() {
        String body = "{\"Job\":{\"JobName\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}}";
        given().contentType("application/json")
                .body(body)
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("LimitExceeded"))
                .body("detail", org.hamcrest.Matchers.containsString("16777216"));
    }
}
