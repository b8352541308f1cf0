package dev.drover.jobs.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** REST calls the tests repeat. */
public final class Api {

    private Api() {}

    /** Submits {@code body} and returns the new JobId (asserting 201). */
    public static String submit(String body) {
        return given().contentType("application/json")
                .body(body)
                .post("/v1/jobs")
                .then()
                .statusCode(201)
                .extract()
                .path("JobId");
    }

    public static RequestSpecification json() {
        return given().contentType("application/json");
    }
}
