package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields from the raw JSON tree and turns every wrong type into an {@code
 * InvalidParameterValue} naming the field, never an exception. A JSON {@code null} counts as an
 * absent field. Readers return null when the field is absent or was refused (the refusal is
 * recorded, so the caller's default never reaches a result).
 */
final class JsonFields {

    private final Violations violations;

    JsonFields(Violations violations) {
        this.violations = violations;
    }

    Violations violations() {
        return violations;
    }

    static JsonNode get(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    void missing(Scope scope, String name) {
        violations.add(Codes.MISSING, scope.describe(name) + " is required", scope.at(name));
    }

    void invalid(Scope scope, String name, String problem) {
        violations.add(Codes.INVALID, scope.describe(name) + " " + problem, scope.at(name));
    }

    /**
     * Refuses every field of {@code object} not in {@code known}, each as {@code UnknownParameter}
     * naming its path: a misspelt field (MaxRetryCont) would otherwise silently drop a setting.
     */
    void refuseUnknown(JsonNode object, Scope scope, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(
                        Codes.UNKNOWN,
                        scope.describe(name)
                                + " is not a known parameter (names are case-sensitive)",
                        scope.at(name));
            }
        }
    }

    /** An object field, or null; refuses the fields it does not know. */
    JsonNode object(
            JsonNode object, Scope scope, String name, boolean required, Set<String> known) {
        JsonNode value = object(object, scope, name, required);
        if (value != null) {
            refuseUnknown(value, scope.child(name), known);
        }
        return value;
    }

    /**
     * An element of an array that must be an object, or null; refuses the fields it does not know.
     */
    JsonNode elementObject(JsonNode element, Scope scope, Set<String> known) {
        JsonNode value = elementObject(element, scope);
        if (value != null) {
            refuseUnknown(value, scope, known);
        }
        return value;
    }

    /** A string field; the value is never echoed on a type error, it may be a secret. */
    String text(JsonNode object, Scope scope, String name, boolean required) {
        JsonNode value = get(object, name);
        if (value == null) {
            if (required) {
                missing(scope, name);
            }
            return null;
        }
        if (!value.isTextual()) {
            invalid(scope, name, "must be a string, got " + kind(value));
            return null;
        }
        String text = value.textValue();
        if (!Text.isStorable(text)) {
            invalid(scope, name, "must not contain U+0000 or an unpaired surrogate");
            return null;
        }
        return text;
    }

    /** An object field, or null. */
    JsonNode object(JsonNode object, Scope scope, String name, boolean required) {
        JsonNode value = get(object, name);
        if (value == null) {
            if (required) {
                missing(scope, name);
            }
            return null;
        }
        if (!value.isObject()) {
            invalid(scope, name, "must be an object, got " + kind(value));
            return null;
        }
        return value;
    }

    /** An array field, or null. */
    JsonNode array(JsonNode object, Scope scope, String name, boolean required) {
        JsonNode value = get(object, name);
        if (value == null) {
            if (required) {
                missing(scope, name);
            }
            return null;
        }
        if (!value.isArray()) {
            invalid(scope, name, "must be an array, got " + kind(value));
            return null;
        }
        return value;
    }

    /** An element of an array that must be an object, or null after recording why not. */
    JsonNode elementObject(JsonNode element, Scope scope) {
        if (element.isObject()) {
            return element;
        }
        violations.add(
                Codes.INVALID,
                scope.describeSelf() + " must be an object, got " + kind(element),
                scope.path());
        return null;
    }

    /** An exact integral JSON number that fits a 64-bit long, or null. */
    Long integer(JsonNode object, Scope scope, String name) {
        JsonNode value = get(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            invalid(scope, name, "must be an integer, got " + kind(value));
            return null;
        }
        if (!value.isIntegralNumber()) {
            invalid(scope, name, "must be an integer, got " + value.asText());
            return null;
        }
        if (!value.canConvertToLong()) {
            invalid(scope, name, "must be an integer that fits 64 bits, got " + value.asText());
            return null;
        }
        return value.longValue();
    }

    /**
     * An integer in {@code [min, max]}: below zero is {@code InvalidParameterValue.Negative}, below
     * {@code min} otherwise {@code InvalidParameterValue}, above {@code max} the given code.
     */
    Long bounded(JsonNode object, Scope scope, String name, Range range) {
        Long value = integer(object, scope, name);
        if (value == null) {
            return null;
        }
        String field = scope.describe(name);
        if (value < 0 && range.min() >= 0) {
            violations.add(
                    Codes.NEGATIVE, field + " must not be negative, got " + value, scope.at(name));
        } else if (value < range.min()) {
            violations.add(
                    Codes.INVALID,
                    field + " must be at least " + range.min() + ", got " + value,
                    scope.at(name));
        } else if (value > range.max()) {
            violations.add(range.overCode(), field + " " + range.over(value), scope.at(name));
        } else {
            return value;
        }
        return null;
    }

    /** A string that must be one of the allowed words, or null. */
    String oneOf(JsonNode object, Scope scope, String name, List<String> allowed, boolean req) {
        String value = text(object, scope, name, req);
        if (value == null || allowed.contains(value)) {
            return value;
        }
        invalid(
                scope,
                name,
                "must be one of " + String.join(", ", allowed) + ", got " + Text.quote(value));
        return null;
    }

    /** An enum constant named by a string field, or null. */
    <E extends Enum<E>> E enumValue(
            JsonNode object, Scope scope, String name, Class<E> type, boolean req) {
        if (get(object, name) == null && !req) {
            return null;
        }
        List<String> allowed =
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String value = oneOf(object, scope, name, allowed, req);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** "a string", "a number", ... for type errors; never the value itself. */
    static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * Allowed integer range of a field and how to word a value above it.
     *
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param overCode the code for a value above max
     * @param overText the message for a value above max, {@code %d} is the value
     */
    record Range(long min, long max, String overCode, String overText) {

        String over(long value) {
            return String.format(overText, value);
        }
    }
}
