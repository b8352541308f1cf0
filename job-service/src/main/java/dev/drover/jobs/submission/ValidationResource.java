package dev.drover.jobs.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drover.jobs.problem.RequestId;
import dev.drover.jobs.validation.Validation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/jobs:validate} (also reachable as {@code /v1/jobs/validate}): a dry run answering
 * exactly what a submit would. The colon form is rerouted by {@link BodyLimitFilter}'s router hook,
 * because JAX-RS path matching treats {@code /v1/jobs} as a prefix of it.
 */
@Path("/v1/jobs/validate")
@Produces(MediaType.APPLICATION_JSON)
public class ValidationResource {

    /**
     * A document a submit would accept.
     *
     * @param valid always true; a refused document is answered with the submit's problem
     * @param requestId the request's id
     */
    public record Verdict(
            @JsonProperty("Valid") boolean valid, @JsonProperty("RequestId") String requestId) {}

    private final JobSubmissions submissions;
    private final SubmitBodies bodies;
    private final RequestId requestId;

    public ValidationResource(
            JobSubmissions submissions, SubmitBodies bodies, RequestId requestId) {
        this.submissions = submissions;
        this.bodies = bodies;
        this.requestId = requestId;
    }

    @POST
    @Operation(
            summary = "Validate a job without submitting it",
            description = "Creates nothing; a ClientToken is not looked up.")
    @APIResponse(responseCode = "200", description = "The document would be accepted")
    @APIResponse(responseCode = "400", description = "The same problem a submit would answer")
    public Verdict validate(byte[] body) {
        Validation validation = submissions.validate(bodies.parse(body));
        if (validation instanceof Validation.Invalid invalid) {
            throw SubmissionResource.rejection(invalid);
        }
        return new Verdict(true, requestId.value());
    }
}
