package dev.drover.jobs.validation;

/**
 * Limits given as plain values, for unit tests and callers outside Quarkus; {@link #DEFAULTS}
 * mirrors the {@code @WithDefault} values of {@link ValidationLimits}.
 */
public record FixedLimits(
        int maxTasks,
        int maxDependences,
        int maxInstancesPerTask,
        int maxInstancesPerJob,
        int maxJobNameLength,
        int maxJobDescriptionLength,
        int maxTaskNameLength,
        int maxTags,
        long maxTimeoutSeconds,
        int maxCommandBytes,
        int maxEnvVarBytes,
        int maxTaskSpecBytes)
        implements ValidationLimits {

    /** The same values as the {@code @WithDefault} annotations. */
    public static final FixedLimits DEFAULTS =
            new FixedLimits(
                    100_000,
                    200_000,
                    10_000,
                    200_000,
                    60,
                    200,
                    60,
                    10,
                    2_592_000L,
                    65_536,
                    131_071,
                    524_288);

    /** A copy with another task limit, for tests of the limit itself. */
    public FixedLimits withMaxTasks(int value) {
        return new FixedLimits(
                value,
                maxDependences,
                maxInstancesPerTask,
                maxInstancesPerJob,
                maxJobNameLength,
                maxJobDescriptionLength,
                maxTaskNameLength,
                maxTags,
                maxTimeoutSeconds,
                maxCommandBytes,
                maxEnvVarBytes,
                maxTaskSpecBytes);
    }

    /** A copy with another edge limit, for tests of the limit itself. */
    public FixedLimits withMaxDependences(int value) {
        return new FixedLimits(
                maxTasks,
                value,
                maxInstancesPerTask,
                maxInstancesPerJob,
                maxJobNameLength,
                maxJobDescriptionLength,
                maxTaskNameLength,
                maxTags,
                maxTimeoutSeconds,
                maxCommandBytes,
                maxEnvVarBytes,
                maxTaskSpecBytes);
    }
}
