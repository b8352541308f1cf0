package dev.drover.collector;

import dev.drover.cloudstub.LocalTencentCloud;
import dev.drover.cloudstub.cos.S3ProxyServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * S3Proxy as COS for the collector under test: COS enabled, requests sent to S3Proxy's loopback
 * port, multipart from 5 MiB (S3Proxy's smallest part; COS's is 1 MiB) so a log of a few parts is
 * affordable.
 */
public class CosArchiveResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "drover-1250000000";
    static final String REGION = LocalTencentCloud.REGION;

    private static LocalTencentCloud cloud;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createTempDirectory("drover-collector-cos-it-");
            cloud =
                    LocalTencentCloud.cos(base, "AKIDcollectortest", "collector-test-secret")
                            .buckets(BUCKET);
            Map<String, String> config = cloud.cosConfig();
            config.put("drover.collector.spool-dir", base.resolve("spool").toString());
            config.put("drover.store.root", base.resolve("store").toString());
            config.put("drover.cos.multipart-threshold", "5242880");
            config.put("drover.cos.part-size", "5242880");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running S3Proxy. */
    static S3ProxyServer s3() {
        return cloud.cos();
    }

    @Override
    public void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }
}
