package dev.drover.cloudstub;

import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.cloudstub.tencent.TencentCloudStub;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Tencent Cloud a test runs Drover services against: S3Proxy as COS and, when asked for, the
 * CVM/TAT stub, both under one directory and for one key pair, with the configuration keys a
 * service needs to reach them. One place for what provisioner-service, log-collector and the
 * whole-stack tests would otherwise each spell out.
 */
public final class LocalTencentCloud implements AutoCloseable {

    /** The region every service is configured with. */
    public static final String REGION = "ap-guangzhou";

    /** A zone of {@link #REGION}, for instances of jobs without Placement. */
    public static final String ZONE = "ap-guangzhou-3";

    private final String secretId;
    private final String secretKey;
    private final S3ProxyServer cos;
    private final TencentCloudStub cvm;

    private LocalTencentCloud(
            String secretId, String secretKey, S3ProxyServer cos, TencentCloudStub cvm) {
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.cos = cos;
        this.cvm = cvm;
    }

    /** COS only (S3Proxy under {@code dir/s3proxy}), for a service given this key pair. */
    public static LocalTencentCloud cos(Path dir, String secretId, String secretKey) {
        return new LocalTencentCloud(
                secretId, secretKey, S3ProxyServer.start(dir.resolve("s3proxy")), null);
    }

    /**
     * COS and CVM/TAT (the stub under {@code dir/tencent}, accepting only this key pair); closes
     * S3Proxy again when the stub cannot start.
     */
    public static LocalTencentCloud cosAndCvm(Path dir, String secretId, String secretKey) {
        S3ProxyServer cos = S3ProxyServer.start(dir.resolve("s3proxy"));
        try {
            TencentCloudStub cvm =
                    TencentCloudStub.start(dir.resolve("tencent")).addAccount(secretId, secretKey);
            return new LocalTencentCloud(secretId, secretKey, cos, cvm);
        } catch (RuntimeException e) {
            cos.close();
            throw e;
        }
    }

    /** Creates the buckets (empty). */
    public LocalTencentCloud buckets(String... names) {
        for (String name : names) {
            cos.createBucket(name);
        }
        return this;
    }

    /** S3Proxy, for a test's own COS client and assertions on stored objects. */
    public S3ProxyServer cos() {
        return cos;
    }

    /** The CVM/TAT stub, for faults and assertions on VMs. */
    public TencentCloudStub cvm() {
        if (cvm == null) {
            throw new IllegalStateException("started without CVM: use cosAndCvm");
        }
        return cvm;
    }

    /**
     * A service's configuration for COS on S3Proxy (provisioner-service and log-collector read the
     * same keys), with the key pair; a new map the caller may add to.
     */
    public Map<String, String> cosConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("drover.cos.enabled", "true");
        config.put("drover.cos.region", REGION);
        config.put("drover.cos.endpoint-address", cos.address());
        config.put("drover.cos.endpoint-suffix", S3ProxyServer.HOST_SUFFIX);
        config.put("drover.cos.https", "false");
        config.put("tencentcloud.secret-id", secretId);
        config.put("tencentcloud.secret-key", secretKey);
        return config;
    }

    /**
     * provisioner-service's configuration for the cvm backend on the stub, with COS ({@link
     * #cosConfig()}) and scratch files under {@code cos://<scratchBucket>/scratch/}; a new map the
     * caller may add to (timings, default machine).
     */
    public Map<String, String> cvmConfig(String scratchBucket) {
        Map<String, String> config = cosConfig();
        config.put("drover.cvm.endpoint", cvm().endpoint());
        config.put("drover.cvm.https", "false");
        config.put("drover.cvm.region", REGION);
        config.put("drover.cvm.scratch-path", "cos://" + scratchBucket + "/scratch/");
        config.put("drover.cvm.default-zone", ZONE);
        return config;
    }

    @Override
    public void close() {
        try {
            if (cvm != null) {
                cvm.close();
            }
        } finally {
            cos.close();
        }
    }
}
