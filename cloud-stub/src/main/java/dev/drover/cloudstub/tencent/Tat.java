package dev.drover.cloudstub.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** The TAT actions Drover uses: RunCommand, DescribeInvocations, DescribeInvocationTasks. */
final class Tat {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Cvm cvm;
    private final ExecutorService workers;
    private final Supplier<Instant> clock;
    private final Map<String, String> vmEnvironment;
    private final Map<String, List<TatTask>> invocations = new ConcurrentHashMap<>();
    private final Map<String, TatTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> contents = new ConcurrentHashMap<>();
    private volatile boolean privateTmp;

    Tat(Cvm cvm, ExecutorService workers, Supplier<Instant> clock, Map<String, String> env) {
        this.cvm = cvm;
        this.workers = workers;
        this.clock = clock;
        this.vmEnvironment = env;
    }

    ObjectNode call(String action, JsonNode request) {
        return switch (action) {
            case "RunCommand" -> runCommand(request);
            case "DescribeInvocations" -> describeInvocations(request);
            case "DescribeInvocationTasks" -> describeTasks(request);
            default ->
                    throw new ApiError(
                            "InvalidAction",
                            "The action " + action + " is not supported by this stub.");
        };
    }

    /** Whether later scripts get their instance's own /tmp ({@link PrivateTmp}). */
    void privateTmp(boolean on) {
        privateTmp = on;
    }

    /** Stops the commands running on an instance that is being terminated. */
    void instanceTerminated(String instanceId) {
        tasks.values().stream()
                .filter(t -> t.instanceId.equals(instanceId))
                .forEach(t -> t.terminate(clock));
    }

    private ObjectNode runCommand(JsonNode request) {
        String content = Cvm.required(request, "Content");
        byte[] script;
        try {
            script = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw new ApiError("InvalidParameterValue.InvalidContent", "Content is not base64.");
        }
        List<String> ids = Cvm.strings(request.path("InstanceIds"));
        if (ids.isEmpty()) {
            throw new ApiError("MissingParameter", "InstanceIds is required.");
        }
        List<Vm> vms = new ArrayList<>();
        for (String id : ids) {
            Vm vm =
                    cvm.live(id)
                            .orElseThrow(
                                    () ->
                                            new ApiError(
                                                    "ResourceNotFound.InstanceNotFound",
                                                    "The instance " + id + " is not found."));
            if (!"RUNNING".equals(vm.state(clock.get()))) {
                throw new ApiError(
                        "ResourceUnavailable.InstanceStateNotRunning",
                        "The instance " + id + " is not running.");
            }
            vms.add(vm);
        }
        long timeout = request.path("Timeout").asLong(60);
        if (timeout < 1 || timeout > 86400) {
            throw new ApiError("InvalidParameterValue.Range", "Timeout must be 1..86400.");
        }
        String workingDir = request.path("WorkingDirectory").asText("/root");
        String invocationId = Ids.next("inv");
        String commandId = Ids.next("cmd");
        List<TatTask> created = new ArrayList<>();
        for (Vm vm : vms) {
            TatTask task =
                    new TatTask(Ids.next("invt"), invocationId, commandId, vm.id, clock.get());
            created.add(task);
            tasks.put(task.id, task);
            Path dir = inSandbox(vm.sandbox, workingDir);
            Map<String, String> env = new LinkedHashMap<>(vmEnvironment);
            env.put("HOME", vm.sandbox.toString());
            Path sandbox = privateTmp ? vm.sandbox : null;
            workers.submit(() -> task.run(script, dir, sandbox, env, timeout, clock));
        }
        invocations.put(invocationId, List.copyOf(created));
        contents.put(invocationId, content);
        ObjectNode response = JSON.objectNode();
        response.put("CommandId", commandId);
        response.put("InvocationId", invocationId);
        return response;
    }

    private ObjectNode describeInvocations(JsonNode request) {
        List<String> ids = Cvm.strings(request.path("InvocationIds"));
        ArrayNode set = JSON.arrayNode();
        invocations.entrySet().stream()
                .filter(e -> ids.isEmpty() || ids.contains(e.getKey()))
                .sorted(Comparator.comparing(e -> e.getValue().get(0).created))
                .forEach(e -> set.add(invocation(e.getKey(), e.getValue())));
        ObjectNode response = JSON.objectNode();
        response.put("TotalCount", set.size());
        response.set("InvocationSet", set);
        return response;
    }

    private ObjectNode invocation(String id, List<TatTask> parts) {
        ObjectNode node = JSON.objectNode();
        node.put("InvocationId", id);
        node.put("CommandId", parts.get(0).commandId);
        node.put("InvocationStatus", aggregate(parts));
        node.put("CommandContent", contents.get(id));
        node.put("CommandType", "SHELL");
        ArrayNode basics = node.putArray("InvocationTaskBasicInfoSet");
        for (TatTask t : parts) {
            basics.addObject()
                    .put("InvocationTaskId", t.id)
                    .put("TaskStatus", t.status())
                    .put("InstanceId", t.instanceId);
        }
        node.put("CreatedTime", time(parts.get(0).created));
        return node;
    }

    private ObjectNode describeTasks(JsonNode request) {
        List<String> ids = Cvm.strings(request.path("InvocationTaskIds"));
        Map<String, List<String>> filters = new LinkedHashMap<>();
        request.path("Filters")
                .forEach(f -> filters.put(f.path("Name").asText(), Cvm.strings(f.path("Values"))));
        boolean hideOutput = request.path("HideOutput").asBoolean(true);
        ArrayNode set = JSON.arrayNode();
        tasks.values().stream()
                .filter(t -> ids.isEmpty() || ids.contains(t.id))
                .filter(t -> matches(filters, "invocation-id", t.invocationId))
                .filter(t -> matches(filters, "instance-id", t.instanceId))
                .filter(t -> matches(filters, "command-id", t.commandId))
                .sorted(Comparator.comparing((TatTask t) -> t.created).thenComparing(t -> t.id))
                .forEach(t -> set.add(task(t, hideOutput)));
        ObjectNode response = JSON.objectNode();
        response.put("TotalCount", set.size());
        response.set("InvocationTaskSet", set);
        return response;
    }

    private static ObjectNode task(TatTask t, boolean hideOutput) {
        ObjectNode node = JSON.objectNode();
        node.put("InvocationId", t.invocationId);
        node.put("InvocationTaskId", t.id);
        node.put("CommandId", t.commandId);
        node.put("TaskStatus", t.status());
        node.put("InstanceId", t.instanceId);
        node.put("CreatedTime", time(t.created));
        ObjectNode result = node.putObject("TaskResult");
        if (t.exitCode() != null) {
            result.put("ExitCode", t.exitCode());
        }
        result.put("Output", hideOutput ? "" : Base64.getEncoder().encodeToString(t.output()));
        result.put("Dropped", t.dropped());
        if (t.started() != null) {
            result.put("ExecStartTime", time(t.started()));
            node.put("StartTime", time(t.started()));
        }
        if (t.ended() != null) {
            result.put("ExecEndTime", time(t.ended()));
            node.put("EndTime", time(t.ended()));
        }
        return node;
    }

    private static String aggregate(List<TatTask> parts) {
        if (parts.stream().anyMatch(t -> !t.isDone())) {
            return "RUNNING";
        }
        if (parts.stream().allMatch(t -> "SUCCESS".equals(t.status()))) {
            return "SUCCESS";
        }
        if (parts.stream().allMatch(t -> "TIMEOUT".equals(t.status()))) {
            return "TIMEOUT";
        }
        return parts.stream().anyMatch(t -> "SUCCESS".equals(t.status()))
                ? "PARTIAL_FAILED"
                : "FAILED";
    }

    private static boolean matches(Map<String, List<String>> filters, String name, String value) {
        List<String> wanted = filters.get(name);
        return wanted == null || wanted.contains(value);
    }

    /** The VM's "absolute" working directory, inside its sandbox; refuses escapes. */
    private static Path inSandbox(Path sandbox, String workingDir) {
        Path dir = sandbox.resolve("fs").resolve(workingDir.replaceFirst("^/+", "")).normalize();
        if (!dir.startsWith(sandbox.resolve("fs"))) {
            throw new ApiError(
                    "InvalidParameterValue.InvalidWorkingDirectory",
                    "WorkingDirectory " + workingDir + " is invalid.");
        }
        return dir;
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(
                instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
