package dev.drover.jobs.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.problem.RequestId;
import dev.drover.jobs.validation.Validation;
import dev.drover.jobs.validation.Violation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /v1/jobs}: submit a job in Tencent BatchCompute's SubmitJob shape. */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    /**
     * The answer to a submission.
     *
     * @param jobId the job's id
     * @param requestId the request's id
     */
    public record Submitted(
            @JsonProperty("JobId") String jobId, @JsonProperty("RequestId") String requestId) {}

    private final JobSubmissions submissions;
    private final SubmitBodies bodies;
    private final RequestId requestId;

    public SubmissionResource(
            JobSubmissions submissions, SubmitBodies bodies, RequestId requestId) {
        this.submissions = submissions;
        this.bodies = bodies;
        this.requestId = requestId;
    }

    @POST
    @Operation(
            summary = "Submit a job",
            description =
                    "Validates the whole document, stores the job and releases its root tasks. A"
                            + " retry with the same ClientToken and document answers the same"
                            + " JobId with 200 and creates nothing.")
    @APIResponse(responseCode = "201", description = "Job created; Location names it")
    @APIResponse(responseCode = "200", description = "Same ClientToken and document as before")
    @APIResponse(
            responseCode = "400",
            description = "Invalid document, malformed JSON or LimitExceeded")
    @APIResponse(
            responseCode = "409",
            description = "ResourceInUse.ClientToken: the token names a different document")
    public Response submit(byte[] body) {
        SubmitOutcome outcome = submissions.submit(bodies.parse(body), "rest", null);
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            return accepted(accepted);
        }
        if (outcome instanceof SubmitOutcome.TokenConflict conflict) {
            throw tokenConflict(conflict);
        }
        throw rejection(((SubmitOutcome.Rejected) outcome).invalid());
    }

    private Response accepted(SubmitOutcome.Accepted accepted) {
        Submitted answer = new Submitted(accepted.jobId(), requestId.value());
        URI location = URI.create("/v1/jobs/" + accepted.jobId());
        Response.Status status = accepted.created() ? Response.Status.CREATED : Response.Status.OK;
        return Response.status(status).location(location).entity(answer).build();
    }

    /** The 400 for a refused document: the first fault's code and detail, every fault's fields. */
    public static ApiProblem rejection(Validation.Invalid invalid) {
        Set<String> fields = new LinkedHashSet<>(invalid.first().fields());
        for (Violation violation : invalid.all()) {
            fields.addAll(violation.fields());
        }
        Violation first = invalid.first();
        return new ApiProblem(400, first.code(), first.detail(), List.copyOf(fields));
    }

    public static ApiProblem tokenConflict(SubmitOutcome.TokenConflict conflict) {
        return new ApiProblem(
                409,
                Codes.CLIENT_TOKEN_IN_USE,
                "ClientToken '"
                        + conflict.clientToken()
                        + "' was used for job "
                        + conflict.jobId()
                        + " with a different document; use a new token for a new job",
                List.of("ClientToken"));
    }
}
