package dev.drover.provisioner;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The service's Tencent Cloud key pair, {@code tencentcloud.*}: set through the environment
 * variables {@code TENCENTCLOUD_SECRET_ID} and {@code TENCENTCLOUD_SECRET_KEY}, as Tencent's own
 * tools name them. Used for COS and for the CVM and TAT APIs. Never logged.
 */
@ConfigMapping(prefix = "tencentcloud")
public interface TencentCloudCredentials {

    /** The SecretId ({@code TENCENTCLOUD_SECRET_ID}). */
    Optional<String> secretId();

    /** The SecretKey ({@code TENCENTCLOUD_SECRET_KEY}). */
    Optional<String> secretKey();
}
