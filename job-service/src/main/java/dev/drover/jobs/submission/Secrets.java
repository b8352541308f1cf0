package dev.drover.jobs.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Set;

/**
 * Masks secrets in a stored copy of a job document: Authentications' SecretKey, Docker's Password
 * and every password inside a ComputeEnv's LoginSettings. The store never holds them in clear; only
 * the JobAccepted and TaskReady events carry them, to the services that need them.
 */
final class Secrets {

    static final String MASK = "******";

    private static final Set<String> SECRET_FIELDS = Set.of("SecretKey", "Password");

    private Secrets() {}

    /** Replaces every secret value below {@code node}, in place. */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : new ArrayList<>(iterable(object))) {
                JsonNode value = object.get(field);
                if (SECRET_FIELDS.contains(field) && !value.isNull()) {
                    object.put(field, MASK);
                } else {
                    mask(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Secrets::mask);
        }
        return node;
    }

    private static java.util.List<String> iterable(ObjectNode object) {
        java.util.List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
