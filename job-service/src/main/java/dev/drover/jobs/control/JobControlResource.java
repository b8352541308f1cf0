package dev.drover.jobs.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drover.jobs.problem.RequestId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** TerminateJob, RetryJobs and DeleteJob over REST. */
@Path("/v1/jobs/{jobId}")
@Produces(MediaType.APPLICATION_JSON)
public class JobControlResource {

    /**
     * The answer to a control request.
     *
     * @param jobId the job
     * @param requested whether a request was sent on (false: nothing to do)
     * @param requestId the request's id
     */
    public record Control(
            @JsonProperty("JobId") String jobId,
            @JsonProperty("Requested") boolean requested,
            @JsonProperty("RequestId") String requestId) {}

    private final JobControl control;
    private final RequestId requestId;

    public JobControlResource(JobControl control, RequestId requestId) {
        this.control = control;
        this.requestId = requestId;
    }

    @POST
    @Path("terminate")
    @Operation(
            summary = "Terminate a job",
            description =
                    "Asynchronous: the job ends FAILED (reason terminated) once nothing runs.")
    @APIResponse(responseCode = "202", description = "Terminate requested")
    @APIResponse(responseCode = "200", description = "The job had already finished; nothing done")
    @APIResponse(responseCode = "404", description = "ResourceNotFound.Job")
    public Response terminate(@PathParam("jobId") String jobId) {
        boolean requested = control.terminate(jobId);
        return Response.status(requested ? 202 : 200)
                .entity(new Control(jobId, requested, requestId.value()))
                .build();
    }

    @POST
    @Path("retry")
    @Operation(
            summary = "Retry a FAILED job",
            description =
                    "Re-runs the failed and never-run instances in DAG order;"
                            + " keeps succeeded work.")
    @APIResponse(responseCode = "202", description = "Retry requested")
    @APIResponse(responseCode = "404", description = "ResourceNotFound.Job")
    @APIResponse(responseCode = "409", description = "UnsupportedOperation: the job is not FAILED")
    public Response retry(@PathParam("jobId") String jobId) {
        control.retry(jobId);
        return Response.status(202).entity(new Control(jobId, true, requestId.value())).build();
    }

    @DELETE
    @Operation(summary = "Delete a finished job and everything stored about it")
    @APIResponse(responseCode = "200", description = "Deleted")
    @APIResponse(responseCode = "404", description = "ResourceNotFound.Job")
    @APIResponse(
            responseCode = "409",
            description = "ResourceInUse.Job: the job or one of its instances is unfinished")
    public Control delete(@PathParam("jobId") String jobId) {
        control.delete(jobId);
        return new Control(jobId, true, requestId.value());
    }
}
