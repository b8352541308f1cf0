package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.jobs.query.TaskQueries;
import dev.drover.jobs.validation.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** DescribeTask, DescribeTaskLogs and TerminateTaskInstance. */
@ApplicationScoped
class TaskActions {

    private final TaskQueries tasks;
    private final TaskLogs logs;

    TaskActions(TaskQueries tasks, TaskLogs logs) {
        this.tasks = tasks;
        this.logs = logs;
    }

    Map<String, Action> actions() {
        return Map.of(
                "DescribeTask", (params, body) -> describe(params),
                "DescribeTaskLogs", (params, body) -> logs.describe(params),
                "TerminateTaskInstance", (params, body) -> terminateInstance(params));
    }

    private ObjectNode describe(Params params) {
        String jobId = params.string("JobId");
        String taskName = params.string("TaskName");
        if (!params.objects("Filters").isEmpty()) {
            throw new TencentError(
                    ErrorCodes.UNSUPPORTED,
                    "DescribeTask Filters are not supported; page with Offset and Limit and read"
                            + " TaskInstanceState");
        }
        PageRequest paging =
                params.page(PageRequest.INSTANCES_DEFAULT_LIMIT, PageRequest.INSTANCES_MAX_LIMIT);
        return Renderings.task(tasks.describe(jobId, taskName, paging, null));
    }

    /**
     * The scheduler and provisioner stop whole jobs only (TerminateJob on drover.job.events); the
     * contract has no command for one instance, so pretending to stop one would be a lie.
     */
    private ObjectNode terminateInstance(Params params) {
        String jobId = params.string("JobId");
        params.string("TaskName");
        throw new TencentError(
                ErrorCodes.UNSUPPORTED,
                "TerminateTaskInstance is not supported: Drover terminates whole jobs; call"
                        + " TerminateJob for "
                        + jobId);
    }
}
