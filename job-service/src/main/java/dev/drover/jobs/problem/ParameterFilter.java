package dev.drover.jobs.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, for every endpoint at once, a path or query parameter that holds U+0000 or an unpaired
 * surrogate: PostgreSQL text cannot store U+0000 and such a value has no UTF-8 form, so it would
 * otherwise fail deep in a query as a server error. Runs after matching, so path parameters are
 * known by name.
 */
public class ParameterFilter {

    @ServerRequestFilter
    public void refuseUnstorableParameters(UriInfo uri) {
        refuse(uri.getPathParameters(true), "path");
        refuse(uri.getQueryParameters(true), "query");
    }

    private static void refuse(MultivaluedMap<String, String> parameters, String where) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean bad =
                    !isStorable(parameter.getKey())
                            || parameter.getValue().stream().anyMatch(v -> !isStorable(v));
            if (bad) {
                String name = isStorable(parameter.getKey()) ? parameter.getKey() : "?";
                throw ApiProblem.badRequest(
                        Codes.INVALID_VALUE,
                        "the "
                                + where
                                + " parameter "
                                + name
                                + " must not contain U+0000 or an unpaired surrogate",
                        name);
            }
        }
    }

    /** Whether the text has a UTF-8 form PostgreSQL can store: no U+0000, no lone surrogate. */
    static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
