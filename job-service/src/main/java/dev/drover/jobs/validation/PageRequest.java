package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.jobs.validation.JsonFields.Range;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Offset and Limit of a list call (DescribeJobs, DescribeTask), checked the same way as a job
 * document: a negative value is {@code InvalidParameterValue.Negative}, a Limit above the maximum
 * is {@code InvalidParameterValue} naming Limit and the maximum, a non-integer is {@code
 * InvalidParameterValue}.
 *
 * @param offset how many items to skip, from 0
 * @param limit how many items to return at most, from 0 (0 answers only the total count)
 */
public record PageRequest(int offset, int limit) {

    /** DescribeJobs: Limit defaults to 20, at most 100. */
    public static final int JOBS_DEFAULT_LIMIT = 20;

    public static final int JOBS_MAX_LIMIT = 100;

    /** DescribeTask's instances: Limit defaults to 100, at most 1000. */
    public static final int INSTANCES_DEFAULT_LIMIT = 100;

    public static final int INSTANCES_MAX_LIMIT = 1000;

    /** A query value that can only be an integer; longer ones are refused without parsing. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}");

    /**
     * The outcome of reading a page request: exactly one of {@code page} and {@code violation} is
     * set.
     */
    public record Outcome(PageRequest page, Violation violation) {}

    /** Reads {@code Offset} and {@code Limit} from a JSON request (Tencent's POST body). */
    public static Outcome fromJson(JsonNode request, int defaultLimit, int maxLimit) {
        JsonNode body = request != null && request.isObject() ? request : emptyObject();
        Violations violations = new Violations();
        JsonFields json = new JsonFields(violations);
        Scope root = Scope.root("");
        Long offset =
                json.bounded(
                        body,
                        root,
                        "Offset",
                        new Range(0, Integer.MAX_VALUE, Codes.INVALID, "is too large: %d"));
        Long limit =
                json.bounded(
                        body,
                        root,
                        "Limit",
                        new Range(
                                0,
                                maxLimit,
                                Codes.INVALID,
                                "must be at most " + maxLimit + ", got %d"));
        if (!violations.isEmpty()) {
            return new Outcome(null, violations.all().get(0));
        }
        return new Outcome(
                new PageRequest(
                        offset == null ? 0 : offset.intValue(),
                        limit == null ? defaultLimit : limit.intValue()),
                null);
    }

    /**
     * Reads query parameters; null means absent. A value that is not a decimal integer is refused
     * as such, like a JSON value of the wrong type.
     */
    public static Outcome fromQuery(String offset, String limit, int defaultLimit, int maxLimit) {
        ObjectNode request = emptyObject();
        for (String[] parameter : new String[][] {{"Offset", offset}, {"Limit", limit}}) {
            String name = parameter[0];
            String value = parameter[1];
            if (value == null) {
                continue;
            }
            if (!DECIMAL.matcher(value).matches()) {
                String detail = name + " must be an integer, got " + Text.quote(value);
                return new Outcome(null, new Violation(Codes.INVALID, detail, List.of(name)));
            }
            request.put(name, new BigInteger(value));
        }
        return fromJson(request, defaultLimit, maxLimit);
    }

    private static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
