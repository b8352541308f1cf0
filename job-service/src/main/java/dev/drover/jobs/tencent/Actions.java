package dev.drover.jobs.tencent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every action name this endpoint knows: the ones it implements, and the rest of BatchCompute
 * 2017-03-12, answered {@code UnsupportedOperation} with a reason. Anything else is {@code
 * InvalidAction}.
 */
@ApplicationScoped
class Actions {

    /** Task templates: a stored Task reused by name; Drover keeps no template store. */
    private static final Set<String> TEMPLATES =
            Set.of(
                    "CreateTaskTemplate",
                    "DescribeTaskTemplates",
                    "ModifyTaskTemplate",
                    "DeleteTaskTemplates");

    /** Named compute environments, CVM inventory and monitoring: no counterpart in Drover. */
    private static final Set<String> ENVIRONMENTS =
            Set.of(
                    "AttachInstances",
                    "CreateComputeEnv",
                    "DeleteComputeEnv",
                    "DescribeAvailableCvmInstanceTypes",
                    "DescribeComputeEnv",
                    "DescribeComputeEnvActivities",
                    "DescribeComputeEnvCreateInfo",
                    "DescribeComputeEnvCreateInfos",
                    "DescribeComputeEnvs",
                    "DescribeCvmZoneInstanceConfigInfos",
                    "DescribeInstanceCategories",
                    "DescribeJobMonitorData",
                    "DetachInstances",
                    "ModifyComputeEnv",
                    "TerminateComputeNode",
                    "TerminateComputeNodes");

    private final Map<String, Action> implemented = new HashMap<>();

    Actions(JobActions jobs, TaskActions tasks, ControlActions control) {
        implemented.putAll(jobs.actions());
        implemented.putAll(tasks.actions());
        implemented.putAll(control.actions());
    }

    /** The action called {@code name}; throws UnsupportedOperation or InvalidAction otherwise. */
    Action of(String name) {
        Action action = implemented.get(name);
        if (action != null) {
            return action;
        }
        if (TEMPLATES.contains(name)) {
            throw new TencentError(
                    ErrorCodes.UNSUPPORTED,
                    name
                            + " is not supported: Drover keeps no task templates; put the Task in"
                            + " the SubmitJob document");
        }
        if (ENVIRONMENTS.contains(name)) {
            throw new TencentError(
                    ErrorCodes.UNSUPPORTED,
                    name
                            + " is not supported: Drover has no named compute environments; give"
                            + " a task a ComputeEnv (or nothing, for local processes)");
        }
        throw new TencentError(
                ErrorCodes.INVALID_ACTION, "action '" + name + "' does not exist in batch");
    }
}
