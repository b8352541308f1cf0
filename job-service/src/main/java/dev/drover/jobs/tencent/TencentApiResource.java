package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.RequestId;
import dev.drover.jobs.submission.SubmitBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * {@code POST /}: Tencent Cloud API v3 for BatchCompute 2017-03-12, so that the official SDKs work
 * against Drover with only their endpoint changed. Every answer is HTTP 200 with Tencent's
 * envelope, errors included, because that is what the SDKs parse; nothing escapes as a problem+json
 * or a 5xx.
 */
@Path("/")
public class TencentApiResource {

    static final String VERSION = "2017-03-12";

    private static final Logger LOG = Logger.getLogger(TencentApiResource.class);

    private final TencentApiConfig config;
    private final Tc3Verifier verifier;
    private final Actions actions;
    private final SubmitBodies bodies;
    private final RequestId requestId;

    public TencentApiResource(
            TencentApiConfig config,
            Tc3Verifier verifier,
            Actions actions,
            SubmitBodies bodies,
            RequestId requestId) {
        this.config = config;
        this.verifier = verifier;
        this.actions = actions;
        this.bodies = bodies;
        this.requestId = requestId;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Tencent BatchCompute API v3 (X-TC-Action, TC3-HMAC-SHA256)",
            description =
                    "For the official Tencent Cloud SDKs: HttpProfile endpoint set to this"
                            + " service. Always HTTP 200 with {\"Response\":{...}}.")
    public Response call(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        String action = headers.getHeaderString("X-TC-Action");
        try {
            ObjectNode answer = answer(action, body == null ? new byte[0] : body, headers, uri);
            LOG.debugf("requestId=%s tencent %s answered", requestId.value(), action);
            return ok(Envelope.ok(answer, requestId.value()));
        } catch (TencentError e) {
            return refused(action, e.code(), e.getMessage());
        } catch (ApiProblem e) {
            return refused(action, e.code(), e.detail());
        } catch (RuntimeException e) {
            LOG.errorf(e, "requestId=%s tencent %s failed", requestId.value(), action);
            return ok(
                    Envelope.error(
                            ErrorCodes.INTERNAL,
                            "internal error; quote the RequestId",
                            requestId.value()));
        }
    }

    private ObjectNode answer(String action, byte[] body, HttpHeaders headers, UriInfo uri) {
        if (!config.enabled()) {
            throw new TencentError(
                    ErrorCodes.UNSUPPORTED,
                    "the Tencent-compatible API is off here (drover.tencent-api.enabled=false)");
        }
        verifier.verify(
                "POST",
                uri.getRequestUri().getRawPath(),
                uri.getRequestUri().getRawQuery(),
                headers::getHeaderString,
                body);
        checkVersion(headers.getHeaderString("X-TC-Version"));
        if (action == null || action.isBlank()) {
            throw new TencentError(
                    ErrorCodes.MISSING_PARAMETER, "the X-TC-Action header is missing");
        }
        Action handler = actions.of(action);
        bodies.checkSize(body.length);
        return handler.answer(new Params(request(body)), body);
    }

    private static void checkVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new TencentError(
                    ErrorCodes.MISSING_PARAMETER, "the X-TC-Version header is missing");
        }
        if (!VERSION.equals(version.trim())) {
            throw new TencentError(
                    ErrorCodes.NO_SUCH_VERSION,
                    "batch has no version '" + version.trim() + "'; use " + VERSION);
        }
    }

    /** The action's parameters: a JSON object (an empty body counts as no parameters). */
    private JsonNode request(byte[] body) {
        JsonNode request = body.length == 0 ? Renderings.object() : bodies.parse(body);
        if (!request.isObject()) {
            throw new TencentError(
                    ErrorCodes.INVALID_PARAMETER, "the request body must be a JSON object");
        }
        return request;
    }

    private Response refused(String action, String code, String message) {
        LOG.warnf(
                "requestId=%s tencent %s refused %s: %s", requestId.value(), action, code, message);
        return ok(Envelope.error(code, message, requestId.value()));
    }

    private static Response ok(ObjectNode envelope) {
        return Response.ok(envelope.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
