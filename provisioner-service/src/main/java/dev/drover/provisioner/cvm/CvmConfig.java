package dev.drover.provisioner.cvm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The cvm backend, under {@code drover.cvm}. Credentials: {@code TENCENTCLOUD_SECRET_ID/_KEY}. */
@ConfigMapping(prefix = "drover.cvm")
public interface CvmConfig {

    /** Region the instances are bought in, e.g. ap-guangzhou. */
    @WithDefault("ap-guangzhou")
    String region();

    /**
     * {@code host[:port]} of the CVM and TAT API instead of {@code cvm.tencentcloudapi.com} and
     * {@code tat.tencentcloudapi.com} (a private endpoint, or the local stand-in in tests).
     */
    Optional<String> endpoint();

    /** Whether the API is spoken over https; plain http only for a loopback stand-in. */
    @WithDefault("true")
    boolean https();

    /**
     * The COS directory ({@code cos://bucket-appid/prefix/}) where instances leave stdout, stderr
     * and the list of output files before the provisioner archives them.
     */
    Optional<String> scratchPath();

    /** Zone used when the job names no {@code Placement.Zone}. */
    Optional<String> defaultZone();

    /**
     * ImageId of a task that names no ComputeEnv (a job written for the local backend, run with
     * {@code drover.provisioner.backend=cvm}).
     */
    Optional<String> defaultImageId();

    /** InstanceType of a task that names no ComputeEnv, with {@link #defaultImageId()}. */
    Optional<String> defaultInstanceType();

    /** First wait between two polls of an instance or an invocation; doubles up to the max. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait between two polls. */
    @WithDefault("10s")
    Duration maxPollInterval();

    /** How long an instance may take to reach RUNNING before the attempt gives up on it. */
    @WithDefault("10m")
    Duration bootTimeout();

    /** Wait before the first retry of a failed creation; doubles per retry up to the max. */
    @WithDefault("10s")
    Duration createRetryWait();

    /** Longest wait between two creation retries. */
    @WithDefault("5m")
    Duration maxCreateRetryWait();

    /**
     * StateIfCreateCvmFailed RUNNABLE: how long an attempt whose machine could not be created
     * waits, out of line and holding no slot, before it tries again; doubles per wait up to the
     * max.
     */
    @WithDefault("1m")
    Duration runnableRetryWait();

    /** Longest such wait. */
    @WithDefault("10m")
    Duration maxRunnableRetryWait();

    /** Tries of one API call answered with throttling or a network error, with growing waits. */
    @WithDefault("6")
    int apiTries();

    /** First wait after a throttled API call; doubles per try. */
    @WithDefault("500ms")
    Duration apiRetryWait();

    /** How often the reconciler looks for instances no attempt owns. */
    @WithDefault("60s")
    Duration reconcileInterval();

    /**
     * How long after RUNNING the presigned URLs handed to an instance stay valid, beyond Timeout.
     */
    @WithDefault("1h")
    Duration urlGrace();
}
