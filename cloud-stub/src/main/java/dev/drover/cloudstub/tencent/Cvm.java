package dev.drover.cloudstub.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The CVM actions Drover uses: RunInstances, DescribeInstances, TerminateInstances. */
final class Cvm {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Vm> vms = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byClientToken = new ConcurrentHashMap<>();
    private final Faults faults;
    private final Path sandboxes;
    private final Supplier<Instant> clock;
    private volatile Consumer<String> onTerminate = id -> {};

    Cvm(Faults faults, Path sandboxes, Supplier<Instant> clock) {
        this.faults = faults;
        this.sandboxes = sandboxes;
        this.clock = clock;
    }

    /** Told the id of each instance as its termination starts. */
    void onTerminate(Consumer<String> listener) {
        onTerminate = listener;
    }

    ObjectNode call(String action, JsonNode request) {
        return switch (action) {
            case "RunInstances" -> runInstances(request);
            case "DescribeInstances" -> describeInstances(request);
            case "TerminateInstances" -> terminateInstances(request);
            default ->
                    throw new ApiError(
                            "InvalidAction",
                            "The action " + action + " is not supported by this stub.");
        };
    }

    /** A live (not yet gone) instance. */
    Optional<Vm> live(String id) {
        Vm vm = vms.get(id);
        return vm == null || vm.isGone(clock.get()) ? Optional.empty() : Optional.of(vm);
    }

    List<StubVm> liveVms() {
        Instant now = clock.get();
        return vms.values().stream()
                .filter(vm -> !vm.isGone(now))
                .sorted(Comparator.comparing((Vm vm) -> vm.created).thenComparing(vm -> vm.id))
                .map(vm -> vm.view(now))
                .toList();
    }

    private synchronized ObjectNode runInstances(JsonNode request) {
        String token = text(request, "ClientToken");
        if (token != null && byClientToken.containsKey(token)) {
            // Same token, same answer: a retried call never buys a second instance.
            return idSet(byClientToken.get(token));
        }
        String type = required(request, "InstanceType");
        String zone = required(request.path("Placement"), "Zone");
        String imageId = required(request, "ImageId");
        if (faults.isSoldOut(type)) {
            throw new ApiError(
                    Faults.SOLD_OUT, "The specified instance type " + type + " is sold out.");
        }
        int count = request.path("InstanceCount").asInt(1);
        if (count < 1 || count > 100) {
            throw new ApiError("InvalidParameterValue.Range", "InstanceCount must be 1..100.");
        }
        String charge = request.path("InstanceChargeType").asText("POSTPAID_BY_HOUR");
        Map<String, String> tags = tags(request.path("TagSpecification"));
        List<String> ids = new ArrayList<>();
        Instant now = clock.get();
        for (int i = 0; i < count; i++) {
            String id = Ids.next("ins");
            Vm vm =
                    new Vm(
                            id,
                            type,
                            zone,
                            imageId,
                            charge,
                            tags,
                            sandbox(id),
                            now,
                            faults.bootTime());
            vms.put(id, vm);
            ids.add(id);
        }
        if (token != null) {
            byClientToken.put(token, List.copyOf(ids));
        }
        return idSet(ids);
    }

    private ObjectNode describeInstances(JsonNode request) {
        List<String> ids = strings(request.path("InstanceIds"));
        JsonNode filters = request.path("Filters");
        if (!ids.isEmpty() && filters.size() > 0) {
            throw new ApiError(
                    "InvalidParameter.InstanceIdsFiltersBothPresent",
                    "InstanceIds and Filters cannot be given together.");
        }
        Instant now = clock.get();
        List<Vm> matching =
                vms.values().stream()
                        .filter(vm -> !vm.isGone(now))
                        .filter(vm -> ids.isEmpty() || ids.contains(vm.id))
                        .filter(vm -> matchesAll(vm, filters, now))
                        .sorted(
                                Comparator.comparing((Vm vm) -> vm.created)
                                        .thenComparing(vm -> vm.id))
                        .toList();
        int offset = request.path("Offset").asInt(0);
        int limit = request.path("Limit").asInt(20);
        if (limit < 1 || limit > 100 || offset < 0) {
            throw new ApiError("InvalidParameterValue.Range", "Limit must be 1..100.");
        }
        ArrayNode set = JSON.arrayNode();
        matching.stream().skip(offset).limit(limit).forEach(vm -> set.add(describe(vm, now)));
        ObjectNode response = JSON.objectNode();
        response.put("TotalCount", matching.size());
        response.set("InstanceSet", set);
        return response;
    }

    private ObjectNode terminateInstances(JsonNode request) {
        List<String> ids = strings(request.path("InstanceIds"));
        if (ids.isEmpty()) {
            throw new ApiError("MissingParameter", "InstanceIds is required.");
        }
        for (String id : ids) {
            if (live(id).isEmpty()) {
                throw new ApiError(
                        "InvalidInstanceId.NotFound", "The instance " + id + " does not exist.");
            }
        }
        Instant now = clock.get();
        for (String id : ids) {
            if (vms.get(id).terminate(now, faults.shutdownTime())) {
                onTerminate.accept(id);
            }
        }
        return JSON.objectNode();
    }

    private boolean matchesAll(Vm vm, JsonNode filters, Instant now) {
        for (JsonNode filter : filters) {
            String name = filter.path("Name").asText();
            List<String> values = strings(filter.path("Values"));
            String actual;
            if (name.startsWith("tag:")) {
                actual = vm.tags.get(name.substring(4));
            } else {
                actual =
                        switch (name) {
                            case "instance-id" -> vm.id;
                            case "zone" -> vm.zone;
                            case "instance-type" -> vm.type;
                            case "instance-state" -> vm.state(now);
                            case "tag-key" ->
                                    values.stream()
                                            .filter(vm.tags::containsKey)
                                            .findFirst()
                                            .orElse(null);
                            default ->
                                    throw new ApiError(
                                            "InvalidFilter",
                                            "The filter " + name + " is not supported.");
                        };
            }
            if (actual == null || !values.contains(actual)) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode describe(Vm vm, Instant now) {
        ObjectNode node = JSON.objectNode();
        node.put("InstanceId", vm.id);
        node.put("InstanceState", vm.state(now));
        node.put("InstanceType", vm.type);
        node.put("ImageId", vm.imageId);
        node.put("InstanceChargeType", vm.chargeType);
        node.putObject("Placement").put("Zone", vm.zone);
        node.put(
                "CreatedTime",
                DateTimeFormatter.ISO_INSTANT.format(
                        vm.created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        ArrayNode tags = node.putArray("Tags");
        vm.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return node;
    }

    private Path sandbox(String id) {
        try {
            return Files.createDirectories(sandboxes.resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode idSet(List<String> ids) {
        ObjectNode response = JSON.objectNode();
        ArrayNode set = response.putArray("InstanceIdSet");
        ids.forEach(set::add);
        return response;
    }

    private static Map<String, String> tags(JsonNode specifications) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode spec : specifications) {
            for (JsonNode tag : spec.path("Tags")) {
                tags.put(tag.path("Key").asText(), tag.path("Value").asText());
            }
        }
        return tags;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new ApiError("MissingParameter", "The parameter " + field + " is required.");
        }
        return value;
    }
}
