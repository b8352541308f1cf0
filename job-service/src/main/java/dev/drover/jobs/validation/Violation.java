package dev.drover.jobs.validation;

import java.util.List;

/**
 * One fault in a submitted job.
 *
 * @param code Tencent's error code for the fault, e.g. {@code
 *     InvalidParameterValue.DependenceUnfeasible}
 * @param detail a sentence naming the field path and the task at fault; never contains a secret
 * @param fields the offending field paths, e.g. {@code Job.Tasks[1].TaskName}
 */
public record Violation(String code, String detail, List<String> fields) {

    public Violation {
        fields = List.copyOf(fields);
    }
}
