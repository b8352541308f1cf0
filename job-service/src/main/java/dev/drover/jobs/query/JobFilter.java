package dev.drover.jobs.query;

import dev.drover.contract.EventCodec;
import dev.drover.contract.State;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DescribeJobs filters: values of one filter are alternatives (OR), different filters must all hold
 * (AND), as Tencent's Filters behave. Renders itself as a SQL condition with parameters.
 *
 * @param states job-state values
 * @param names job-name values, exact
 * @param jobIds job-id values
 * @param tags tag filters: {@code key} (any value) or {@code key=value}
 */
public record JobFilter(
        List<String> states, List<String> names, List<String> jobIds, List<String> tags) {

    public JobFilter {
        states = states == null ? List.of() : List.copyOf(states);
        names = names == null ? List.of() : List.copyOf(names);
        jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        for (String state : states) {
            if (!isState(state)) {
                throw ApiProblem.badRequest(
                        Codes.INVALID_VALUE,
                        "state '" + state + "' is not one of " + List.of(State.values()),
                        "state");
            }
        }
    }

    /** The WHERE clause (possibly {@code true}) and its parameters, appended to {@code params}. */
    String where(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        any("state", states, conditions, params);
        any("name", names, conditions, params);
        any("id", jobIds, conditions, params);
        if (!tags.isEmpty()) {
            List<String> alternatives = new ArrayList<>();
            for (String tag : tags) {
                alternatives.add("tags @> ?::jsonb");
                params.add(containment(tag));
            }
            conditions.add("(" + String.join(" or ", alternatives) + ")");
        }
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    private static void any(
            String column, List<String> values, List<String> conditions, List<Object> params) {
        if (!values.isEmpty()) {
            conditions.add(column + " = any(?)");
            params.add(values.toArray(String[]::new));
        }
    }

    /** {@code [{"Key":k}]} or {@code [{"Key":k,"Value":v}]}: jsonb containment in the tag list. */
    private static String containment(String tag) {
        int eq = tag.indexOf('=');
        Map<String, String> wanted =
                eq < 0
                        ? Map.of("Key", tag)
                        : Map.of("Key", tag.substring(0, eq), "Value", tag.substring(eq + 1));
        return EventCodec.encode(List.of(wanted));
    }

    private static boolean isState(String value) {
        for (State state : State.values()) {
            if (state.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
