package dev.drover.jobs.validation;

/** Tencent BatchCompute's error codes, reused for the same faults. */
final class Codes {

    static final String MISSING = "MissingParameter";
    static final String UNKNOWN = "UnknownParameter";
    static final String INVALID = "InvalidParameterValue";
    static final String NEGATIVE = "InvalidParameterValue.Negative";
    static final String LIMIT = "LimitExceeded";
    static final String TASK_NAME = "InvalidParameter.TaskName";
    static final String TASK_NAME_TOO_LONG = "InvalidParameter.TaskNameTooLong";
    static final String JOB_NAME_TOO_LONG = "InvalidParameter.JobNameTooLong";
    static final String JOB_DESCRIPTION_TOO_LONG = "InvalidParameter.JobDescriptionTooLong";
    static final String MAX_RETRY_COUNT = "InvalidParameterValue.MaxRetryCount";
    static final String CYCLE = "InvalidParameterValue.DependenceUnfeasible";
    static final String UNKNOWN_TASK = "InvalidParameterValue.DependenceNotFoundTaskName";
    static final String REMOTE_PATH = "InvalidParameterValue.RemoteStoragePath";
    static final String REMOTE_SCHEME = "InvalidParameterValue.RemoteStorageSchemeType";
    static final String LOCAL_PATH = "InvalidParameterValue.LocalPath";
    static final String ENV_ID_XOR_COMPUTE_ENV = "AllowedOneAttributeInEnvIdAndComputeEnv";

    private Codes() {}
}
