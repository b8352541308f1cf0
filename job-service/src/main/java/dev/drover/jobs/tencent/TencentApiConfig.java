package dev.drover.jobs.tencent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the Tencent BatchCompute-compatible endpoint, under {@code drover.tencent-api.*}. */
@ConfigMapping(prefix = "drover.tencent-api")
public interface TencentApiConfig {

    /**
     * Whether {@code POST /} answers Tencent's API v3 protocol. When false every call is answered
     * with an {@code UnsupportedOperation} envelope naming this key.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The accepted key pairs: {@code drover.tencent-api.credentials."<SecretId>"=<SecretKey>}. With
     * none configured every call fails with {@code AuthFailure.SecretIdNotFound}. The keys are
     * never logged or returned.
     */
    Map<String, String> credentials();

    /**
     * How far X-TC-Timestamp may be from our clock, either way, before a call is refused with
     * {@code AuthFailure.SignatureExpire} (Tencent allows five minutes).
     */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /**
     * Most bytes of each stream DescribeTaskLogs returns per instance (before base64): the last
     * bytes of the archived log. Tencent caps the log it inlines; the whole log stays readable
     * through {@code GET /v1/jobs/{id}/tasks/{task}/instances/{index}/logs}.
     */
    @WithDefault("2048")
    int logCapBytes();
}
