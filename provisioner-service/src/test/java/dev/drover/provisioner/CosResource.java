package dev.drover.provisioner;

import dev.drover.cloudstub.LocalTencentCloud;
import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.cos.CosStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * S3Proxy as COS for the provisioner under test, with COS enabled in its configuration; {@link
 * #store()} gives the test its own client to seed inputs and read outputs.
 */
public class CosResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "drover-1250000000";
    static final String REGION = LocalTencentCloud.REGION;
    static final String SECRET_ID = "AKIDprovisionertest";
    static final String SECRET_KEY = "provisioner-test-secret";

    private static LocalTencentCloud cloud;
    private static CosStore store;

    @Override
    public Map<String, String> start() {
        try {
            cloud =
                    startCloud(Files.createTempDirectory("drover-provisioner-cloud-"))
                            .buckets(BUCKET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store =
                new CosStore(
                        CosConfig.localEndpoint(
                                cloud.cos().address(),
                                S3ProxyServer.HOST_SUFFIX,
                                REGION,
                                new CosCredentials("AKIDseeder", "seeder-secret")));
        return config(cloud);
    }

    /** What runs as the cloud: COS only. */
    LocalTencentCloud startCloud(Path dir) {
        return LocalTencentCloud.cos(dir, SECRET_ID, SECRET_KEY);
    }

    /** The provisioner's configuration for the cloud. */
    Map<String, String> config(LocalTencentCloud started) {
        return started.cosConfig();
    }

    static LocalTencentCloud cloud() {
        return cloud;
    }

    static CosStore store() {
        return store;
    }

    /** Stores {@code text} under {@code key} in {@link #BUCKET}, as a user would upload it. */
    static void put(String key, String text) throws IOException {
        store.put(
                RemotePath.parse("cos://" + BUCKET + "/" + key),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text stored under {@code key} in {@link #BUCKET}. */
    static String read(String key) throws IOException {
        try (InputStream in = store.open(RemotePath.parse("cos://" + BUCKET + "/" + key))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void stop() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }
}
