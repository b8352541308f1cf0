package dev.drover.provisioner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Tencent COS for {@code cos://} paths (InputMappings, OutputMappings, PackagePath, the cvm
 * backend's presigned URLs), under {@code drover.cos}. The service's key pair comes from {@code
 * TENCENTCLOUD_SECRET_ID}/{@code _KEY} ({@link TencentCloudCredentials}), never from here.
 */
@ConfigMapping(prefix = "drover.cos")
public interface CosSettings {

    /** Whether {@code cos://} paths go to COS; off keeps them in the embedded file store. */
    @WithDefault("false")
    boolean enabled();

    /** Region of short-form paths ({@code cos://bucket-appid/key}), e.g. ap-guangzhou. */
    @WithDefault("ap-guangzhou")
    String region();

    /**
     * {@code host[:port]} every COS request connects to instead of resolving the bucket's host name
     * (a private endpoint or a test stand-in); unset resolves by DNS.
     */
    Optional<String> endpointAddress();

    /** Host suffix buckets are addressed under ({@code <bucket>.<suffix>}). */
    Optional<String> endpointSuffix();

    /** Whether to speak https (Tencent Cloud) or plain http (a loopback stand-in). */
    @WithDefault("true")
    boolean https();

    /** Objects at least this many bytes go up in parts. */
    @WithDefault("16777216")
    long multipartThreshold();

    /** Size of each part of a multipart upload (at least 1 MiB). */
    @WithDefault("8388608")
    long partSize();
}
