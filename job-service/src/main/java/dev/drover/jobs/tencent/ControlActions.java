package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.State;
import dev.drover.jobs.control.JobControl;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.query.JobFilter;
import dev.drover.jobs.query.JobQueries;
import dev.drover.jobs.query.Views;
import dev.drover.jobs.validation.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** TerminateJob, RetryJobs and DeleteJob through the REST API's {@link JobControl}. */
@ApplicationScoped
class ControlActions {

    private final JobControl control;
    private final JobQueries jobs;

    ControlActions(JobControl control, JobQueries jobs) {
        this.control = control;
        this.jobs = jobs;
    }

    Map<String, Action> actions() {
        return Map.of(
                "TerminateJob", (params, body) -> terminate(params),
                "RetryJobs", (params, body) -> retry(params),
                "DeleteJob", (params, body) -> delete(params));
    }

    /** Asynchronous, as Tencent's: a job that already finished is left as it is. */
    private ObjectNode terminate(Params params) {
        control.terminate(params.string("JobId"));
        return Renderings.object();
    }

    /**
     * Every job is checked before any is retried, so that one unknown or unfinished job refuses the
     * whole call (with the code the REST API answers for it) rather than half of it.
     */
    private ObjectNode retry(Params params) {
        Set<String> ids = new LinkedHashSet<>(params.strings("JobIds"));
        if (ids.isEmpty()) {
            throw new TencentError(ErrorCodes.MISSING_PARAMETER, "JobIds is required");
        }
        if (ids.size() > PageRequest.JOBS_MAX_LIMIT) {
            throw new TencentError(
                    ErrorCodes.INVALID_VALUE,
                    "JobIds holds " + ids.size() + " ids; at most " + PageRequest.JOBS_MAX_LIMIT);
        }
        Map<String, Views.JobSummary> found = found(ids);
        Set<String> retried = new LinkedHashSet<>();
        for (String id : ids) {
            Views.JobSummary job = found.get(id);
            if (job == null) {
                throw ApiProblem.jobNotFound(id);
            }
            if (!State.FAILED.name().equals(job.jobState())) {
                // Refuses it with the REST API's code and message (or retries a job that has
                // failed since it was read).
                control.retry(id);
                retried.add(id);
            }
        }
        ids.stream().filter(id -> !retried.contains(id)).forEach(control::retry);
        return Renderings.object();
    }

    private Map<String, Views.JobSummary> found(Set<String> ids) {
        JobFilter byId = new JobFilter(null, null, List.copyOf(ids), null);
        return jobs.list(byId, new PageRequest(0, ids.size()), null).jobSet().stream()
                .collect(Collectors.toMap(Views.JobSummary::jobId, Function.identity()));
    }

    private ObjectNode delete(Params params) {
        control.delete(params.string("JobId"));
        return Renderings.object();
    }
}
