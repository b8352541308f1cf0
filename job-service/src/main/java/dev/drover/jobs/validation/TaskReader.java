package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.EventCodec;
import dev.drover.contract.spec.Application;
import dev.drover.contract.spec.DeliveryForm;
import dev.drover.contract.spec.Docker;
import dev.drover.contract.spec.FailedAction;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.jobs.validation.JsonFields.Range;
import java.util.Set;

/**
 * Reads one task in the order of the reference's task table and fills in its defaults. The
 * uniqueness of names is the job's business ({@link JobValidator}).
 */
final class TaskReader {

    static final int DEFAULT_INSTANCES = 1;
    static final int DEFAULT_MAX_RETRY = 0;
    static final long DEFAULT_TIMEOUT = 86_400;
    static final int MAX_RETRY = 5;
    static final int MAX_RESOURCE_RETRY = 100;

    private static final Set<String> TASK_FIELDS =
            Set.of(
                    "TaskName",
                    "TaskInstanceNum",
                    "Application",
                    "ComputeEnv",
                    "EnvId",
                    "RedirectInfo",
                    "RedirectLocalInfo",
                    "InputMappings",
                    "OutputMappings",
                    "EnvVars",
                    "Authentications",
                    "FailedAction",
                    "MaxRetryCount",
                    "Timeout",
                    "MaxConcurrentNum",
                    "ResourceMaxRetryCount");
    private static final Set<String> APPLICATION_FIELDS =
            Set.of("DeliveryForm", "Command", "PackagePath", "Docker");
    private static final Set<String> DOCKER_FIELDS = Set.of("Image", "User", "Password", "Server");

    private final ValidationLimits limits;
    private final JsonFields json;
    private final StorageReader storage;
    private final EnvironmentReader environment;

    TaskReader(ValidationLimits limits, JsonFields json) {
        this.limits = limits;
        this.json = json;
        this.storage = new StorageReader(json);
        this.environment = new EnvironmentReader(limits, json);
    }

    /** The task's name if it is usable, else null (the fault is recorded). */
    String name(JsonNode task, Scope scope) {
        String name = json.text(task, scope, "TaskName", true);
        if (name == null) {
            return null;
        }
        String problem = NameRules.taskNameProblem(name);
        String code = Codes.TASK_NAME;
        if (problem == null) {
            problem = NameRules.lengthProblem(name, limits.maxTaskNameLength());
            code = Codes.TASK_NAME_TOO_LONG;
        }
        if (problem == null) {
            return name;
        }
        json.violations()
                .add(code, scope.describe("TaskName") + " " + problem, scope.at("TaskName"));
        return null;
    }

    /** Reads everything after the name; {@code scope} already names the task. */
    TaskSpec read(JsonNode task, Scope scope, String name) {
        json.refuseUnknown(task, scope, TASK_FIELDS);
        Long instances = instanceNum(task, scope);
        Application application = application(task, scope);
        String envId = envId(task, scope);
        var computeEnv = environment.computeEnv(task, scope, envId);
        var redirect = storage.redirectInfo(task, scope);
        storage.redirectLocalInfo(task, scope);
        var inputs = storage.inputMappings(task, scope);
        var outputs = storage.outputMappings(task, scope);
        var envVars = environment.envVars(task, scope);
        var authentications = environment.authentications(task, scope);
        FailedAction failedAction =
                json.enumValue(task, scope, "FailedAction", FailedAction.class, false);
        Long maxRetry = json.bounded(task, scope, "MaxRetryCount", maxRetryRange());
        Long timeout = json.bounded(task, scope, "Timeout", timeoutRange());
        Long concurrent = json.bounded(task, scope, "MaxConcurrentNum", concurrencyRange());
        Long resourceRetry =
                json.bounded(task, scope, "ResourceMaxRetryCount", resourceRetryRange());
        TaskSpec spec =
                new TaskSpec(
                        name,
                        instances == null ? DEFAULT_INSTANCES : instances.intValue(),
                        application,
                        computeEnv,
                        envId,
                        redirect,
                        inputs,
                        outputs,
                        envVars,
                        authentications,
                        failedAction == null ? FailedAction.TERMINATE : failedAction,
                        maxRetry == null ? DEFAULT_MAX_RETRY : maxRetry.intValue(),
                        timeout == null ? DEFAULT_TIMEOUT : timeout,
                        concurrent == null ? null : concurrent.intValue(),
                        resourceRetry == null ? 0 : resourceRetry.intValue());
        refuseTooLarge(spec, scope);
        return spec;
    }

    /** A task whose TaskReady could not fit in one Kafka record would never be released. */
    private void refuseTooLarge(TaskSpec spec, Scope scope) {
        long bytes = EventCodec.encodedLength(spec);
        if (bytes > limits.maxTaskSpecBytes()) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            scope.describeSelf()
                                    + " is "
                                    + bytes
                                    + " bytes once encoded, over the limit of "
                                    + limits.maxTaskSpecBytes()
                                    + " bytes per task (drover.limits.max-task-spec-bytes)",
                            scope.path());
        }
    }

    private Long instanceNum(JsonNode task, Scope scope) {
        return json.bounded(
                task,
                scope,
                "TaskInstanceNum",
                new Range(
                        1,
                        limits.maxInstancesPerTask(),
                        Codes.LIMIT,
                        "is %d, over the limit of "
                                + limits.maxInstancesPerTask()
                                + " instances per task"));
    }

    private static Range maxRetryRange() {
        return new Range(
                0,
                MAX_RETRY,
                Codes.MAX_RETRY_COUNT,
                "must be between 0 and " + MAX_RETRY + ", got %d");
    }

    private Range timeoutRange() {
        return new Range(
                1,
                limits.maxTimeoutSeconds(),
                Codes.LIMIT,
                "is %d, over the limit of " + limits.maxTimeoutSeconds() + " seconds");
    }

    private static Range concurrencyRange() {
        return new Range(
                1, Integer.MAX_VALUE, Codes.INVALID, "must be at most " + Integer.MAX_VALUE);
    }

    private static Range resourceRetryRange() {
        return new Range(
                0,
                MAX_RESOURCE_RETRY,
                Codes.INVALID,
                "must be in the range 0-" + MAX_RESOURCE_RETRY + ", got %d");
    }

    private String envId(JsonNode task, Scope scope) {
        String envId = json.text(task, scope, "EnvId", false);
        if (envId != null && envId.isBlank()) {
            json.invalid(scope, "EnvId", "must not be empty");
            return null;
        }
        return envId;
    }

    private Application application(JsonNode task, Scope scope) {
        JsonNode app = json.object(task, scope, "Application", true, APPLICATION_FIELDS);
        if (app == null) {
            return null;
        }
        Scope in = scope.child("Application");
        DeliveryForm form = json.enumValue(app, in, "DeliveryForm", DeliveryForm.class, true);
        String command = json.text(app, in, "Command", true);
        if (command != null && command.isBlank()) {
            json.invalid(in, "Command", "must not be empty or blank");
        } else if (command != null && Text.utf8Length(command) > limits.maxCommandBytes()) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            in.describe("Command")
                                    + " is "
                                    + Text.utf8Length(command)
                                    + " bytes long (UTF-8), over the limit of "
                                    + limits.maxCommandBytes()
                                    + " bytes (drover.limits.max-command-bytes)",
                            in.at("Command"));
        }
        String packagePath = json.text(app, in, "PackagePath", form == DeliveryForm.PACKAGE);
        if (packagePath != null && form == DeliveryForm.PACKAGE) {
            storage.paths().packagePath(packagePath, in, "PackagePath");
        }
        return new Application(form, command, packagePath, docker(app, in));
    }

    private Docker docker(JsonNode app, Scope scope) {
        JsonNode docker = json.object(app, scope, "Docker", false, DOCKER_FIELDS);
        if (docker == null) {
            return null;
        }
        Scope in = scope.child("Docker");
        String image = json.text(docker, in, "Image", true);
        if (image != null && image.isBlank()) {
            json.invalid(in, "Image", "must not be empty");
        }
        return new Docker(
                image,
                json.text(docker, in, "User", false),
                json.text(docker, in, "Password", false),
                json.text(docker, in, "Server", false));
    }
}
