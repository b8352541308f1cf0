package dev.drover.collector.archive;

import dev.drover.collector.CollectorConfig;
import dev.drover.collector.TencentCloudCredentials;
import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.store.Stores;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.file.FileStore;
import java.nio.file.Path;
import java.util.Optional;

/** Builds drover-store's router from the collector's typed configuration. */
public final class ArchiveStores {

    private ArchiveStores() {}

    /**
     * The stores archives go to. The file store defers directory forces to the batch's flush, so a
     * batch of many streams into one directory forces it once.
     *
     * @throws IllegalStateException when COS is enabled but no key pair is configured
     */
    public static Stores open(CollectorConfig config, TencentCloudCredentials keys) {
        LocalStoreLayout layout = new LocalStoreLayout(config.store().root());
        FileStore files = new FileStore(layout, config.store().fsync(), true);
        return new Stores(files, cosConfig(config, keys));
    }

    private static Optional<CosConfig> cosConfig(
            CollectorConfig config, TencentCloudCredentials keys) {
        CollectorConfig.Cos cos = config.cos();
        if (!cos.enabled()) {
            return Optional.empty();
        }
        if (keys.secretId().isEmpty() || keys.secretKey().isEmpty()) {
            throw new IllegalStateException(
                    "drover.cos.enabled=true needs TENCENTCLOUD_SECRET_ID and"
                            + " TENCENTCLOUD_SECRET_KEY");
        }
        CosCredentials credentials =
                new CosCredentials(keys.secretId().get(), keys.secretKey().get());
        CosConfig settings =
                CosConfig.tencentCloud(cos.region(), credentials)
                        .withEndpoint(
                                cos.endpointSuffix().orElse(null),
                                cos.endpointAddress().orElse(null))
                        .withHttps(cos.https())
                        .withMultipart(cos.multipartThreshold(), cos.partSize());
        // Streamed puts spool next to the collector's own spool, not in a shared /tmp.
        Path spool = config.collector().spoolDir().resolve("cos-upload");
        return Optional.of(
                new CosConfig(
                        settings.defaultRegion(),
                        settings.endpointSuffix(),
                        settings.endpointAddress(),
                        settings.https(),
                        settings.credentials(),
                        settings.multipartThreshold(),
                        settings.partSize(),
                        settings.timeout(),
                        spool));
    }
}
