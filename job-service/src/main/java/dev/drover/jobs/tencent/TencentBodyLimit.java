package dev.drover.jobs.tencent;

import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.submission.SubmissionConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Refuses an oversized {@code POST /} by its declared Content-Length before the body is buffered,
 * in Tencent's envelope: it runs just before the REST API's own early check, which would answer
 * problem+json that the SDKs cannot parse.
 */
@ApplicationScoped
public class TencentBodyLimit {

    private final SubmissionConfig config;

    public TencentBodyLimit(SubmissionConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.post("/")
                .order(-101)
                .handler(
                        rc -> {
                            long length = declaredLength(rc.request().getHeader("Content-Length"));
                            if (length <= config.maxRequestBytes()) {
                                rc.next();
                                return;
                            }
                            String message =
                                    "the request body is "
                                            + length
                                            + " bytes; the limit is "
                                            + config.maxRequestBytes()
                                            + " bytes (drover.jobs.max-request-bytes)";
                            rc.response()
                                    .setStatusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("Connection", "close")
                                    .end(
                                            Envelope.error(
                                                            Codes.LIMIT_EXCEEDED,
                                                            message,
                                                            UUID.randomUUID().toString())
                                                    .toString());
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
