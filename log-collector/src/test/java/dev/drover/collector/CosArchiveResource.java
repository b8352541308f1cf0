package dev.drover.collector;

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
    static final String REGION = "ap-guangzhou";

    private static S3ProxyServer s3;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createTempDirectory("drover-collector-cos-it-");
            s3 = S3ProxyServer.start(base.resolve("s3proxy"));
            s3.createBucket(BUCKET);
            return Map.ofEntries(
                    Map.entry("drover.collector.spool-dir", base.resolve("spool").toString()),
                    Map.entry("drover.store.root", base.resolve("store").toString()),
                    Map.entry("drover.cos.enabled", "true"),
                    Map.entry("drover.cos.region", REGION),
                    Map.entry("drover.cos.endpoint-address", s3.address()),
                    Map.entry("drover.cos.endpoint-suffix", S3ProxyServer.HOST_SUFFIX),
                    Map.entry("drover.cos.https", "false"),
                    Map.entry("drover.cos.multipart-threshold", "5242880"),
                    Map.entry("drover.cos.part-size", "5242880"),
                    Map.entry("tencentcloud.secret-id", "AKIDcollectortest"),
                    Map.entry("tencentcloud.secret-key", "collector-test-secret"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running S3Proxy. */
    static S3ProxyServer s3() {
        return s3;
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
    }
}
