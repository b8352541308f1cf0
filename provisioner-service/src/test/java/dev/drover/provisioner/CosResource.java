package dev.drover.provisioner;

import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.cos.CosStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * S3Proxy as COS for the provisioner under test, with COS enabled in its configuration; {@link
 * #store()} gives the test its own client to seed inputs and read outputs.
 */
public class CosResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "drover-1250000000";
    static final String REGION = "ap-guangzhou";

    private static S3ProxyServer s3;
    private static CosStore store;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createTempDirectory("drover-provisioner-cos-");
            s3 = S3ProxyServer.start(base.resolve("s3proxy"));
            s3.createBucket(BUCKET);
            store =
                    new CosStore(
                            CosConfig.localEndpoint(
                                    s3.address(),
                                    S3ProxyServer.HOST_SUFFIX,
                                    REGION,
                                    new CosCredentials("AKIDseeder", "seeder-secret")));
            return config(s3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provisioner's configuration for COS on {@code s3}. */
    static Map<String, String> config(S3ProxyServer s3) {
        Map<String, String> config = new HashMap<>();
        config.put("drover.cos.enabled", "true");
        config.put("drover.cos.region", REGION);
        config.put("drover.cos.endpoint-address", s3.address());
        config.put("drover.cos.endpoint-suffix", S3ProxyServer.HOST_SUFFIX);
        config.put("drover.cos.https", "false");
        config.put("tencentcloud.secret-id", "AKIDprovisionertest");
        config.put("tencentcloud.secret-key", "provisioner-test-secret");
        return config;
    }

    static S3ProxyServer s3() {
        return s3;
    }

    static CosStore store() {
        return store;
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }
}
