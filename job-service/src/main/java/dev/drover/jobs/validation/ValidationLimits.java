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

    /**
     * Longest Application.Command, in UTF-8 bytes. The command travels in every TaskReady and is
     * handed to a shell as one argument, so a very long one would only fail later.
     */
    @WithDefault("65536")
    int maxCommandBytes();

    /**
     * Longest environment variable, as {@code Name=Value} in UTF-8 bytes. Linux refuses any single
     * string of the environment longer than MAX_ARG_STRLEN (128 KiB including its NUL) at exec with
     * "Argument list too long", so a longer one could never start.
     */
    @WithDefault("131071")
    int maxEnvVarBytes();

    /**
     * Largest task once encoded for the wire ({@code EventCodec.encode} of its TaskSpec, in UTF-8
     * bytes). A TaskReady carries one whole task and Kafka refuses records over 1 MiB, so a task
     * over this limit would be accepted and then never released; half a MiB leaves room for the
     * rest of the event.
     */
    @WithDefault("524288")
    int maxTaskSpecBytes();

    /** The built-in defaults, for unit tests and code that runs without Quarkus config. */
    static ValidationLimits defaults() {
        return FixedLimits.DEFAULTS;
    }
}
