package dev.drover.store.cos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach COS. Services fill it from their typed configuration.
 *
 * @param defaultRegion region for short-form paths ({@code cos://bucket-appid/key}), which do not
 *     name one, e.g. {@code ap-guangzhou}
 * @param endpointSuffix when not null, buckets are addressed as {@code <bucket>.<suffix>} instead
 *     of {@code <bucket>.cos.<region>.myqcloud.com} (private endpoints, a test stand-in)
 * @param endpointAddress when not null, {@code host[:port]} every request connects to, whatever the
 *     bucket's host name (the host name is still sent as {@code Host}); null resolves by DNS
 * @param https whether to speak https (Tencent Cloud) or plain http (a loopback stand-in)
 * @param credentials the key pair requests are signed with
 * @param multipartThreshold objects at least this large are uploaded in parts
 * @param partSize size of each part of a multipart upload (COS wants at least 1 MiB)
 * @param timeout connect and socket timeout of one HTTP request
 * @param spoolDir where streamed puts are spooled before upload (COS wants the length up front)
 */
public record CosConfig(
        String defaultRegion,
        String endpointSuffix,
        String endpointAddress,
        boolean https,
        CosCredentials credentials,
        long multipartThreshold,
        long partSize,
        Duration timeout,
        Path spoolDir) {

    /** Multipart from 16 MiB, in 8 MiB parts. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

    public CosConfig {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(spoolDir, "spoolDir");
        if (partSize < 1024 * 1024 || multipartThreshold < partSize) {
            throw new IllegalArgumentException("parts need >= 1 MiB and threshold >= part size");
        }
    }

    /** Tencent Cloud itself: https, DNS, the region's public endpoint, default part sizes. */
    public static CosConfig tencentCloud(String region, CosCredentials credentials) {
        return new CosConfig(
                region,
                null,
                null,
                true,
                credentials,
                DEFAULT_MULTIPART_THRESHOLD,
                DEFAULT_PART_SIZE,
                Duration.ofSeconds(30),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A COS-compatible server on {@code address} over plain http, buckets addressed as {@code
     * <bucket>.<hostSuffix>} (for S3Proxy in virtual-host mode).
     */
    public static CosConfig localEndpoint(
            String address, String hostSuffix, String region, CosCredentials credentials) {
        return tencentCloud(region, credentials).withEndpoint(hostSuffix, address).withHttps(false);
    }

    /** The same settings signing with another account's key pair (a task's Authentications). */
    public CosConfig withCredentials(CosCredentials other) {
        return new CosConfig(
                defaultRegion,
                endpointSuffix,
                endpointAddress,
                https,
                other,
                multipartThreshold,
                partSize,
                timeout,
                spoolDir);
    }

    /** The same settings with a custom host suffix and connect address. */
    public CosConfig withEndpoint(String suffix, String address) {
        return new CosConfig(
                defaultRegion,
                suffix,
                address,
                https,
                credentials,
                multipartThreshold,
                partSize,
                timeout,
                spoolDir);
    }

    /** The same settings over https or plain http. */
    public CosConfig withHttps(boolean useHttps) {
        return new CosConfig(
                defaultRegion,
                endpointSuffix,
                endpointAddress,
                useHttps,
                credentials,
                multipartThreshold,
                partSize,
                timeout,
                spoolDir);
    }

    /** The same settings with other multipart sizes. */
    public CosConfig withMultipart(long threshold, long part) {
        return new CosConfig(
                defaultRegion,
                endpointSuffix,
                endpointAddress,
                https,
                credentials,
                threshold,
                part,
                timeout,
                spoolDir);
    }

    /** Never prints the secret: the record's own toString would. */
    @Override
    public String toString() {
        return "CosConfig[region="
                + defaultRegion
                + ", endpointSuffix="
                + endpointSuffix
                + ", endpointAddress="
                + endpointAddress
                + ", https="
                + https
                + ", credentials="
                + credentials
                + ", multipartThreshold="
                + multipartThreshold
                + ", partSize="
                + partSize
                + "]";
    }
}
