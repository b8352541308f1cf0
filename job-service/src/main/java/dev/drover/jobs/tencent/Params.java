package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.jobs.validation.PageRequest;
import dev.drover.jobs.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parameters of one action from its JSON body, refusing a missing or mistyped one with
 * Tencent's code and the parameter's name.
 */
final class Params {

    private final JsonNode body;

    Params(JsonNode body) {
        this.body = body;
    }

    JsonNode body() {
        return body;
    }

    /** A required non-empty string. */
    String string(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw new TencentError(ErrorCodes.MISSING_PARAMETER, name + " is required");
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new TencentError(ErrorCodes.INVALID_VALUE, name + " must be a non-empty string");
        }
        return value.asText();
    }

    /** An optional array of strings; empty when absent. */
    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(name)) {
            if (!item.isTextual()) {
                throw new TencentError(ErrorCodes.INVALID_VALUE, name + " must hold strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    /** An optional array of non-negative integers; empty when absent. */
    List<Integer> indexes(String name) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode item : array(name)) {
            if (!item.canConvertToInt() || !item.isIntegralNumber() || item.asInt() < 0) {
                throw new TencentError(ErrorCodes.INVALID_VALUE, name + " must hold integers >= 0");
            }
            values.add(item.asInt());
        }
        return values;
    }

    /** An optional array of objects; empty when absent. */
    List<Params> objects(String name) {
        List<Params> values = new ArrayList<>();
        for (JsonNode item : array(name)) {
            if (!item.isObject()) {
                throw new TencentError(ErrorCodes.INVALID_VALUE, name + " must hold objects");
            }
            values.add(new Params(item));
        }
        return values;
    }

    /** Offset and Limit by the same rules as the REST API's. */
    PageRequest page(int defaultLimit, int maxLimit) {
        PageRequest.Outcome outcome = PageRequest.fromJson(body, defaultLimit, maxLimit);
        if (outcome.violation() != null) {
            Violation violation = outcome.violation();
            throw new TencentError(violation.code(), violation.detail());
        }
        return outcome.page();
    }

    private JsonNode array(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw new TencentError(ErrorCodes.INVALID_VALUE, name + " must be an array");
        }
        return value;
    }
}
