package dev.drover.jobs.submission;

import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;

/**
 * Refuses a request whose declared Content-Length is over the submission limit before its body is
 * buffered, with the same problem the resource would answer after reading it.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final SubmissionConfig config;

    public BodyLimitFilter(SubmissionConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.post("/v1/jobs:validate").order(-90).handler(rc -> rc.reroute("/v1/jobs/validate"));
        router.route()
                .order(-100)
                .handler(
                        rc -> {
                            long length = declaredLength(rc.request().getHeader("Content-Length"));
                            if (length <= config.maxRequestBytes()) {
                                rc.next();
                                return;
                            }
                            String detail =
                                    "the request body is "
                                            + length
                                            + " bytes; the limit is "
                                            + config.maxRequestBytes()
                                            + " bytes (drover.jobs.max-request-bytes)";
                            String requestId = UUID.randomUUID().toString();
                            Problem problem =
                                    new Problem(
                                            "urn:drover:problem:" + Codes.LIMIT_EXCEEDED,
                                            "Bad Request",
                                            400,
                                            detail,
                                            Codes.LIMIT_EXCEEDED,
                                            List.of("body"),
                                            requestId);
                            rc.response()
                                    .setStatusCode(400)
                                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                                    .putHeader("X-Request-Id", requestId)
                                    .putHeader("Connection", "close")
                                    .end(Json.encode(problem));
                        });
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
