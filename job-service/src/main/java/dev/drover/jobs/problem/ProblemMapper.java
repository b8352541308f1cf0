package dev.drover.jobs.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one mapping from failures to HTTP answers: every error leaves as {@code
 * application/problem+json} with our code. Client errors are logged at WARN, our own failures at
 * ERROR; nothing a client sends may produce a 5xx, so every parsing failure is a 4xx here.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final RequestId requestId;

    public ProblemMapper(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return render(problem.status(), problem.code(), problem.detail(), problem.fields());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String detail = "the request body is not valid JSON: " + e.getOriginalMessage();
        return render(400, Codes.INVALID_PARAMETER, detail, List.of("body"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return render(404, Codes.NOT_FOUND, "no such resource", List.of());
        }
        if (e instanceof NotAllowedException) {
            return render(405, Codes.UNSUPPORTED, "method not allowed here", List.of());
        }
        if (e instanceof NotSupportedException) {
            return render(415, Codes.INVALID_PARAMETER, "send application/json", List.of("body"));
        }
        if (status >= 500) {
            return internal(e);
        }
        return render(status, Codes.INVALID_PARAMETER, e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        LOG.errorf(e, "requestId=%s failed", requestId.value());
        return render(500, Codes.INTERNAL, "internal error; quote the requestId", List.of());
    }

    /** Builds the problem answer and logs a client error at WARN. */
    Response render(int status, String code, String detail, List<String> fields) {
        if (status < 500) {
            LOG.warnf("requestId=%s answered %d %s: %s", requestId.value(), status, code, detail);
        }
        Problem body =
                new Problem(
                        "urn:drover:problem:" + code,
                        titleOf(status),
                        status,
                        detail,
                        code,
                        fields,
                        requestId.value());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
