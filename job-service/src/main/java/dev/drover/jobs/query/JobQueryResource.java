package dev.drover.jobs.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.RequestId;
import dev.drover.jobs.validation.PageRequest;
import dev.drover.jobs.validation.Violation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The read API: DescribeJobs, DescribeJob, DescribeJobSubmitInfo and DescribeTask. */
@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobQueryResource {

    private final JobQueries jobs;
    private final TaskQueries tasks;
    private final RequestId requestId;

    public JobQueryResource(JobQueries jobs, TaskQueries tasks, RequestId requestId) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.requestId = requestId;
    }

    @GET
    @Operation(
            summary = "List jobs",
            description =
                    "Newest first (CreateTime descending, ties by JobId ascending), an order that"
                            + " never changes for a stored job. Repeated filters are alternatives;"
                            + " different filters must all hold. tag is key or key=value.")
    @APIResponse(responseCode = "200", description = "A page of jobs and the TotalCount")
    @APIResponse(
            responseCode = "400",
            description = "InvalidParameterValue(.Negative): bad Offset, Limit or state")
    public Views.JobPage list(
            @QueryParam("state") List<String> states,
            @QueryParam("name") List<String> names,
            @QueryParam("jobId") List<String> jobIds,
            @QueryParam("tag") List<String> tags,
            @QueryParam("Offset") String offset,
            @QueryParam("Limit") String limit) {
        PageRequest paging =
                page(offset, limit, PageRequest.JOBS_DEFAULT_LIMIT, PageRequest.JOBS_MAX_LIMIT);
        return jobs.list(new JobFilter(states, names, jobIds, tags), paging, requestId.value());
    }

    @GET
    @Path("{jobId}")
    @Operation(summary = "Describe a job: state, tasks, dependences and state counts")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "ResourceNotFound.Job")
    public Views.JobDetail describe(@PathParam("jobId") String jobId) {
        return jobs.describe(jobId, requestId.value());
    }

    @GET
    @Path("{jobId}/submit-info")
    @Operation(
            summary = "The submitted document",
            description = "Defaults filled in; SecretKey and passwords shown as ******.")
    @APIResponse(responseCode = "200", description = "JobId, Placement, Job, ClientToken")
    @APIResponse(responseCode = "404", description = "ResourceNotFound.Job")
    public JsonNode submitInfo(@PathParam("jobId") String jobId) {
        JsonNode document = jobs.submitted(jobId);
        ObjectNode answer = EventCodec.mapper().createObjectNode().put("JobId", jobId);
        answer.setAll((ObjectNode) document);
        return answer.put("RequestId", requestId.value());
    }

    @GET
    @Path("{jobId}/tasks/{taskName}")
    @Operation(
            summary = "Describe a task and a page of its instances",
            description =
                    "Instances ordered by index; Offset default 0, Limit default 100, max 1000.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(
            responseCode = "400",
            description = "InvalidParameterValue(.Negative): bad Offset or Limit")
    @APIResponse(
            responseCode = "404",
            description = "ResourceNotFound.Job or ResourceNotFound.Task")
    public Views.TaskDetail task(
            @PathParam("jobId") String jobId,
            @PathParam("taskName") String taskName,
            @QueryParam("Offset") String offset,
            @QueryParam("Limit") String limit) {
        PageRequest paging =
                page(
                        offset,
                        limit,
                        PageRequest.INSTANCES_DEFAULT_LIMIT,
                        PageRequest.INSTANCES_MAX_LIMIT);
        return tasks.describe(jobId, taskName, paging, requestId.value());
    }

    /** Offset and Limit checked by the same rules as every other input. */
    private static PageRequest page(String offset, String limit, int defaultLimit, int maxLimit) {
        PageRequest.Outcome outcome = PageRequest.fromQuery(offset, limit, defaultLimit, maxLimit);
        if (outcome.violation() != null) {
            Violation violation = outcome.violation();
            throw new ApiProblem(400, violation.code(), violation.detail(), violation.fields());
        }
        return outcome.page();
    }
}
