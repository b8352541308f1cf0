package dev.drover.jobs.problem;

import java.util.List;

/**
 * A client-visible failure with our error code (Tencent's code for the same fault). Thrown by
 * resources and services; {@link ProblemMapper} renders it as {@code application/problem+json}.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> fields;

    public ApiProblem(int status, String code, String detail, List<String> fields) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    /** 400 with one offending field. */
    public static ApiProblem badRequest(String code, String detail, String field) {
        return new ApiProblem(400, code, detail, List.of(field));
    }

    /** 404 for a job id that names no stored job. */
    public static ApiProblem jobNotFound(String jobId) {
        return new ApiProblem(
                404, Codes.JOB_NOT_FOUND, "job " + jobId + " does not exist", List.of("JobId"));
    }

    /** 404 for a task name that the job does not have. */
    public static ApiProblem taskNotFound(String jobId, String taskName) {
        return new ApiProblem(
                404,
                Codes.TASK_NOT_FOUND,
                "job " + jobId + " has no task named '" + taskName + "'",
                List.of("TaskName"));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<String> fields() {
        return fields;
    }
}
