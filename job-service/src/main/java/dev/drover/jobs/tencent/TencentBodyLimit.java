package dev.drover.jobs.tencent;

import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.submission.SubmitBodies;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;

/**
 * Refuses an oversized {@code POST /} by its declared Content-Length before the body is buffered,
 * in Tencent's envelope: it runs just before the REST API's own early check, which would answer
 * problem+json that the SDKs cannot parse.
 */
@ApplicationScoped
public class TencentBodyLimit {

    private final SubmitBodies bodies;

    public TencentBodyLimit(SubmitBodies bodies) {
        this.bodies = bodies;
    }

    void install(@Observes Router router) {
        router.post("/")
                .order(-101)
                .handler(
                        rc -> {
                            Optional<String> oversize =
                                    bodies.oversize(SubmitBodies.declaredLength(rc.request()));
                            if (oversize.isEmpty()) {
                                rc.next();
                                return;
                            }
                            rc.response()
                                    .setStatusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("Connection", "close")
                                    .end(
                                            Envelope.error(
                                                            Codes.LIMIT_EXCEEDED,
                                                            oversize.get(),
                                                            UUID.randomUUID().toString())
                                                    .toString());
                        });
    }
}
