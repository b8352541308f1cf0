package dev.drover.jobs.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects faults in the order they are found. Stops recording after {@link
 * JobValidator#MAX_VIOLATIONS}, so a hostile document of a million bad tasks cannot make a
 * million-entry answer.
 */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String code, String detail, String field) {
        add(code, detail, List.of(field));
    }

    void add(String code, String detail, List<String> fields) {
        if (found.size() < JobValidator.MAX_VIOLATIONS) {
            found.add(new Violation(code, detail, fields));
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    List<Violation> all() {
        return found;
    }
}
