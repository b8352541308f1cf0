package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.spec.InputMapping;
import dev.drover.contract.spec.OutputMapping;
import dev.drover.contract.spec.RedirectInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a task's RedirectInfo, RedirectLocalInfo, InputMappings and OutputMappings. */
final class StorageReader {

    private static final Set<String> REDIRECT_INFO_FIELDS =
            Set.of(
                    "StdoutRedirectPath",
                    "StderrRedirectPath",
                    "StdoutRedirectFileName",
                    "StderrRedirectFileName");
    private static final Set<String> REDIRECT_LOCAL_INFO_FIELDS =
            Set.of(
                    "StdoutLocalPath",
                    "StderrLocalPath",
                    "StdoutLocalFileName",
                    "StderrLocalFileName");
    private static final Set<String> INPUT_MAPPING_FIELDS =
            Set.of("SourcePath", "DestinationPath", "MountOptionParameter");
    private static final Set<String> OUTPUT_MAPPING_FIELDS =
            Set.of("SourcePath", "DestinationPath");

    private final JsonFields json;
    private final PathRules paths;

    StorageReader(JsonFields json) {
        this.json = json;
        this.paths = new PathRules(json.violations());
    }

    RedirectInfo redirectInfo(JsonNode task, Scope scope) {
        JsonNode info = json.object(task, scope, "RedirectInfo", false, REDIRECT_INFO_FIELDS);
        if (info == null) {
            return null;
        }
        Scope in = scope.child("RedirectInfo");
        return new RedirectInfo(
                remoteDirectory(info, in, "StdoutRedirectPath", false),
                remoteDirectory(info, in, "StderrRedirectPath", false),
                fileName(info, in, "StdoutRedirectFileName"),
                fileName(info, in, "StderrRedirectFileName"));
    }

    /**
     * RedirectLocalInfo is checked so a bad path is refused at submit time, then dropped: the
     * contract has no field for it because the local backend chooses where output is captured.
     */
    void redirectLocalInfo(JsonNode task, Scope scope) {
        JsonNode info =
                json.object(task, scope, "RedirectLocalInfo", false, REDIRECT_LOCAL_INFO_FIELDS);
        if (info == null) {
            return;
        }
        Scope in = scope.child("RedirectLocalInfo");
        localPath(info, in, "StdoutLocalPath", false);
        localPath(info, in, "StderrLocalPath", false);
        fileName(info, in, "StdoutLocalFileName");
        fileName(info, in, "StderrLocalFileName");
    }

    List<InputMapping> inputMappings(JsonNode task, Scope scope) {
        JsonNode array = json.array(task, scope, "InputMappings", false);
        List<InputMapping> mappings = new ArrayList<>();
        if (array == null) {
            return mappings;
        }
        Map<String, Integer> destinations = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            Scope at = scope.element("InputMappings", i);
            JsonNode mapping = json.elementObject(array.get(i), at, INPUT_MAPPING_FIELDS);
            if (mapping == null) {
                continue;
            }
            String source = remoteDirectory(mapping, at, "SourcePath", true);
            String destination = localPath(mapping, at, "DestinationPath", true);
            String options = json.text(mapping, at, "MountOptionParameter", false);
            if (destination != null) {
                sameDestination(destinations, destination, i, at);
            }
            mappings.add(new InputMapping(source, destination, options));
        }
        return mappings;
    }

    List<OutputMapping> outputMappings(JsonNode task, Scope scope) {
        JsonNode array = json.array(task, scope, "OutputMappings", false);
        List<OutputMapping> mappings = new ArrayList<>();
        if (array == null) {
            return mappings;
        }
        for (int i = 0; i < array.size(); i++) {
            Scope at = scope.element("OutputMappings", i);
            JsonNode mapping = json.elementObject(array.get(i), at, OUTPUT_MAPPING_FIELDS);
            if (mapping == null) {
                continue;
            }
            String source = localPath(mapping, at, "SourcePath", true);
            String destination = remoteDirectory(mapping, at, "DestinationPath", true);
            mappings.add(new OutputMapping(source, destination));
        }
        return mappings;
    }

    /** Two mappings onto one local directory would silently hide one of them. */
    private void sameDestination(Map<String, Integer> seen, String path, int index, Scope at) {
        Integer earlier = seen.putIfAbsent(PathRules.normalKey(path), index);
        if (earlier != null) {
            json.violations()
                    .add(
                            Codes.LOCAL_PATH,
                            at.describe("DestinationPath")
                                    + " "
                                    + Text.quote(path)
                                    + " is already the destination of InputMappings["
                                    + earlier
                                    + "]",
                            at.at("DestinationPath"));
        }
    }

    private String remoteDirectory(JsonNode node, Scope scope, String name, boolean required) {
        String value = json.text(node, scope, name, required);
        return value != null && paths.remoteDirectory(value, scope, name) ? value : null;
    }

    private String localPath(JsonNode node, Scope scope, String name, boolean required) {
        String value = json.text(node, scope, name, required);
        return value != null && paths.localPath(value, scope, name) ? value : null;
    }

    private String fileName(JsonNode node, Scope scope, String name) {
        String value = json.text(node, scope, name, false);
        return value != null && paths.fileName(value, scope, name) ? value : null;
    }

    PathRules paths() {
        return paths;
    }
}
