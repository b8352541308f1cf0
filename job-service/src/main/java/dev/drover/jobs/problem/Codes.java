package dev.drover.jobs.problem;

/** Error codes job-service answers with beyond the validator's, Tencent's where one exists. */
public final class Codes {

    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_VALUE = "InvalidParameterValue";
    public static final String NEGATIVE = "InvalidParameterValue.Negative";
    public static final String LIMIT_EXCEEDED = "LimitExceeded";
    public static final String JOB_NOT_FOUND = "ResourceNotFound.Job";
    public static final String TASK_NOT_FOUND = "ResourceNotFound.Task";
    public static final String INSTANCE_NOT_FOUND = "ResourceNotFound.Instance";
    public static final String LOGS_NOT_FOUND = "ResourceNotFound.Logs";
    public static final String NOT_FOUND = "ResourceNotFound";
    public static final String JOB_IN_USE = "ResourceInUse.Job";
    public static final String CLIENT_TOKEN_IN_USE = "ResourceInUse.ClientToken";
    public static final String UNSUPPORTED = "UnsupportedOperation";
    public static final String INTERNAL = "InternalError";

    private Codes() {}
}
