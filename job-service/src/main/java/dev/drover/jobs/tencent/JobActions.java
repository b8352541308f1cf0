package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.jobs.query.JobFilter;
import dev.drover.jobs.query.JobQueries;
import dev.drover.jobs.query.Views;
import dev.drover.jobs.submission.JobSubmissions;
import dev.drover.jobs.submission.SubmissionResource;
import dev.drover.jobs.submission.SubmitBodies;
import dev.drover.jobs.submission.SubmitOutcome;
import dev.drover.jobs.validation.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SubmitJob, DescribeJob, DescribeJobs and DescribeJobSubmitInfo over the same services as the REST
 * API: the same validator and codes, the same queries.
 */
@ApplicationScoped
class JobActions {

    private final JobSubmissions submissions;
    private final SubmitBodies bodies;
    private final JobQueries jobs;

    JobActions(JobSubmissions submissions, SubmitBodies bodies, JobQueries jobs) {
        this.submissions = submissions;
        this.bodies = bodies;
        this.jobs = jobs;
    }

    Map<String, Action> actions() {
        return Map.of(
                "SubmitJob", (params, body) -> submit(body),
                "DescribeJob", (params, body) -> describe(params),
                "DescribeJobs", (params, body) -> list(params),
                "DescribeJobSubmitInfo", (params, body) -> submitInfo(params));
    }

    /** The SubmitJob request body is the very document the REST API accepts. */
    private ObjectNode submit(byte[] body) {
        SubmitOutcome outcome = submissions.submit(bodies.parse(body), "tencent", null);
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            return Renderings.object().put("JobId", accepted.jobId());
        }
        if (outcome instanceof SubmitOutcome.TokenConflict conflict) {
            throw SubmissionResource.tokenConflict(conflict);
        }
        throw SubmissionResource.rejection(((SubmitOutcome.Rejected) outcome).invalid());
    }

    private ObjectNode describe(Params params) {
        return Renderings.job(jobs.describe(params.string("JobId"), null));
    }

    private ObjectNode list(Params params) {
        PageRequest paging =
                params.page(PageRequest.JOBS_DEFAULT_LIMIT, PageRequest.JOBS_MAX_LIMIT);
        Views.JobPage page = jobs.list(filter(params), paging, null);
        ObjectNode out = Renderings.object();
        ArrayNode set = out.putArray("JobSet");
        page.jobSet().forEach(job -> set.add(Renderings.jobView(job)));
        out.put("TotalCount", page.totalCount());
        return out;
    }

    /**
     * Tencent's Filters: {@code job-id}, {@code job-name}, {@code job-state}, {@code tag-key} and
     * {@code tag:<key>} (values of that tag); values of one filter are alternatives, filters must
     * all hold. {@code JobIds} adds to {@code job-id}.
     */
    private static JobFilter filter(Params params) {
        List<String> ids = new ArrayList<>(params.strings("JobIds"));
        List<String> names = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Params filter : params.objects("Filters")) {
            String name = filter.string("Name");
            List<String> values = filter.strings("Values");
            switch (name) {
                case "job-id" -> ids.addAll(values);
                case "job-name" -> names.addAll(values);
                case "job-state" -> states.addAll(values);
                case "tag-key" -> tags.addAll(values);
                default -> {
                    if (!name.startsWith("tag:") || name.length() == 4) {
                        throw new TencentError(
                                ErrorCodes.INVALID_VALUE,
                                "Filter '"
                                        + name
                                        + "' is not one of job-id, job-name, job-state, tag-key,"
                                        + " tag:<key>");
                    }
                    values.forEach(value -> tags.add(name.substring(4) + "=" + value));
                }
            }
        }
        return new JobFilter(states, names, ids, tags);
    }

    /**
     * The stored document (defaults filled in, secrets masked) in DescribeJobSubmitInfo's shape.
     */
    private ObjectNode submitInfo(Params params) {
        String jobId = params.string("JobId");
        JsonNode job = jobs.submitted(jobId).path("Job");
        ObjectNode out = Renderings.object().put("JobId", jobId);
        for (String field :
                List.of("JobName", "JobDescription", "Priority", "Tasks", "Dependences", "Tags")) {
            JsonNode value = job.get(field);
            if (value != null) {
                out.set(field, value);
            }
        }
        return out;
    }
}
