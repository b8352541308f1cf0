package dev.drover.provisioner.storage;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.provisioner.CosSettings;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.StoreConfig;
import dev.drover.provisioner.TencentCloudCredentials;
import dev.drover.store.Stores;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the one {@link TaskStorage} of the service from its typed configuration. */
@ApplicationScoped
public class StorageProducer {

    private static final Logger LOG = Logger.getLogger(StorageProducer.class);

    private TaskStorage storage;

    @Produces
    @Singleton
    synchronized TaskStorage storage(
            StoreConfig store,
            CosSettings cos,
            TencentCloudCredentials keys,
            ProvisionerConfig provisioner) {
        Optional<CosConfig> cosConfig = cosConfig(cos, keys, provisioner);
        LOG.infof(
                "store root=%s cos=%s",
                store.root(), cosConfig.map(Object::toString).orElse("off"));
        storage = new TaskStorage(new Stores(new LocalStoreLayout(store.root()), false, cosConfig));
        return storage;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (storage != null) {
            storage.stores().close();
        }
    }

    /**
     * The COS settings, or empty when COS is off.
     *
     * @throws IllegalStateException when COS is on but no key pair is configured
     */
    public static Optional<CosConfig> cosConfig(
            CosSettings cos, TencentCloudCredentials keys, ProvisionerConfig provisioner) {
        if (!cos.enabled()) {
            return Optional.empty();
        }
        CosConfig base =
                CosConfig.tencentCloud(cos.region(), credentials(keys))
                        .withEndpoint(
                                cos.endpointSuffix().orElse(null),
                                cos.endpointAddress().orElse(null))
                        .withHttps(cos.https())
                        .withMultipart(cos.multipartThreshold(), cos.partSize());
        return Optional.of(
                new CosConfig(
                        base.defaultRegion(),
                        base.endpointSuffix(),
                        base.endpointAddress(),
                        base.https(),
                        base.credentials(),
                        base.multipartThreshold(),
                        base.partSize(),
                        base.timeout(),
                        provisioner.stateDir().resolve("cos-spool")));
    }

    /** The service's key pair from {@code TENCENTCLOUD_SECRET_ID}/{@code _KEY}. */
    public static CosCredentials credentials(TencentCloudCredentials keys) {
        if (keys.secretId().isEmpty() || keys.secretKey().isEmpty()) {
            throw new IllegalStateException(
                    "Tencent Cloud needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY");
        }
        return new CosCredentials(keys.secretId().get(), keys.secretKey().get());
    }
}
