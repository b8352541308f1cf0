package dev.drover.jobs.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Size limits a submitted job must respect, under {@code drover.limits.*}. Tencent does not publish
 * most of these, so they are ours; each violation is answered with {@code LimitExceeded} (or the
 * name-length code Tencent defines) and a message that states the limit.
 */
@ConfigMapping(prefix = "drover.limits")
public interface ValidationLimits {

    /** Most tasks one job may hold. */
    @WithDefault("100000")
    int maxTasks();

    /** Most dependence edges one job may hold (duplicates count, they are in the document). */
    @WithDefault("200000")
    int maxDependences();

    /** Most instances one task may ask for with TaskInstanceNum. */
    @WithDefault("10000")
    int maxInstancesPerTask();

    /**
     * Most instances of all tasks of one job together; each instance becomes a row in the read
     * model, so this bounds the work one submission can cause.
     */
    @WithDefault("200000")
    int maxInstancesPerJob();

    /** Longest JobName, in Unicode code points. */
    @WithDefault("60")
    int maxJobNameLength();

    /** Longest JobDescription, in Unicode code points. */
    @WithDefault("200")
    int maxJobDescriptionLength();

    /** Longest TaskName, in Unicode code points. */
    @WithDefault("60")
    int maxTaskNameLength();

    /** Most Tags on one job (Tencent allows 10). */
    @WithDefault("10")
    int maxTags();

    /** Longest Timeout of a task in seconds; bounds timer arithmetic downstream (30 days). */
    @WithDefault("2592000")
    long maxTimeoutSeconds();

    /** The built-in defaults, for unit tests and code that runs without Quarkus config. */
    static ValidationLimits defaults() {
        return FixedLimits.DEFAULTS;
    }
}
