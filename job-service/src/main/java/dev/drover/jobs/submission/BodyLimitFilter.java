package dev.drover.jobs.submission;

import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refuses a request whose declared Content-Length is over the submission limit before its body is
 * buffered, with the same problem the resource would answer after reading it.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final SubmitBodies bodies;

    public BodyLimitFilter(SubmitBodies bodies) {
        this.bodies = bodies;
    }

    void install(@Observes Router router) {
        router.post("/v1/jobs:validate").order(-90).handler(rc -> rc.reroute("/v1/jobs/validate"));
        router.route()
                .order(-100)
                .handler(
                        rc -> {
                            Optional<String> oversize =
                                    bodies.oversize(SubmitBodies.declaredLength(rc.request()));
                            if (oversize.isEmpty()) {
                                rc.next();
                                return;
                            }
                            String detail = oversize.get();
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
}
