package dev.drover.provisioner;

import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.cloudstub.tencent.TencentCloudStub;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.cos.CosStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local Tencent Cloud (CVM and TAT stub) and S3Proxy as COS, with the provisioner configured to
 * reach both; short waits so creation retries and polls take milliseconds.
 */
public class CloudResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET_ID = "AKIDprovisionertest";
    static final String SECRET_KEY = "provisioner-test-secret";

    private static TencentCloudStub stub;
    private static S3ProxyServer s3;
    private static CosStore store;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createTempDirectory("drover-provisioner-cloud-");
            s3 = S3ProxyServer.start(base.resolve("s3proxy"));
            s3.createBucket(CosResource.BUCKET);
            store =
                    new CosStore(
                            CosConfig.localEndpoint(
                                    s3.address(),
                                    S3ProxyServer.HOST_SUFFIX,
                                    CosResource.REGION,
                                    new CosCredentials("AKIDseeder", "seeder-secret")));
            stub =
                    TencentCloudStub.start(base.resolve("tencent"))
                            .addAccount(SECRET_ID, SECRET_KEY);
            Map<String, String> config = CosResource.config(s3);
            config.put("drover.cvm.endpoint", stub.endpoint());
            config.put("drover.cvm.https", "false");
            config.put("drover.cvm.scratch-path", "cos://" + CosResource.BUCKET + "/scratch/");
            config.put("drover.cvm.default-zone", "ap-guangzhou-3");
            config.put("drover.cvm.poll-interval", "50ms");
            config.put("drover.cvm.max-poll-interval", "300ms");
            config.put("drover.cvm.create-retry-wait", "100ms");
            config.put("drover.cvm.max-create-retry-wait", "400ms");
            config.put("drover.cvm.runnable-retry-wait", "200ms");
            config.put("drover.cvm.max-runnable-retry-wait", "500ms");
            config.put("drover.cvm.api-retry-wait", "50ms");
            config.put("drover.cvm.reconcile-interval", "1h");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TencentCloudStub stub() {
        return stub;
    }

    static CosStore store() {
        return store;
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }
}
