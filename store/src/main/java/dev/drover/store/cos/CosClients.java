package dev.drover.store.cos;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.EndpointBuilder;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.region.Region;
import com.qcloud.cos.transfer.TransferManager;
import com.qcloud.cos.transfer.TransferManagerConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One cos_api client and transfer manager per region (a client is bound to its region's endpoint),
 * created on first use and shut down together.
 */
final class CosClients implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CosConfig config;
    private final Map<String, TransferManager> byRegion = new ConcurrentHashMap<>();
    private final ExecutorService transferThreads =
            Executors.newFixedThreadPool(
                    4,
                    r -> {
                        Thread t = new Thread(r, "drover-cos-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });

    CosClients(CosConfig config) {
        this.config = config;
    }

    /** The client for a region. */
    COSClient client(String region) {
        return (COSClient) transfers(region).getCOSClient();
    }

    /** The transfer manager (multipart above the threshold) for a region. */
    TransferManager transfers(String region) {
        return byRegion.computeIfAbsent(region, this::create);
    }

    private TransferManager create(String region) {
        ClientConfig clientConfig = new ClientConfig(new Region(region));
        clientConfig.setHttpProtocol(config.https() ? HttpProtocol.https : HttpProtocol.http);
        int timeoutMillis = (int) config.timeout().toMillis();
        clientConfig.setConnectionTimeout(timeoutMillis);
        clientConfig.setSocketTimeout(timeoutMillis);
        if (config.endpointSuffix() != null) {
            clientConfig.setEndpointBuilder(new SuffixBuilder(config.endpointSuffix()));
        }
        if (config.endpointAddress() != null) {
            clientConfig.setEndpointResolver(new FixedAddress(config.endpointAddress()));
        }
        CosCredentials credentials = config.credentials();
        COSClient client =
                new COSClient(
                        new BasicCOSCredentials(credentials.secretId(), credentials.secretKey()),
                        clientConfig);
        TransferManager manager = new TransferManager(client, transferThreads, false);
        TransferManagerConfiguration transferConfig = new TransferManagerConfiguration();
        transferConfig.setMultipartUploadThreshold(config.multipartThreshold());
        transferConfig.setMinimumUploadPartSize(config.partSize());
        manager.setConfiguration(transferConfig);
        return manager;
    }

    @Override
    public void close() {
        byRegion.values().forEach(manager -> manager.shutdownNow(true));
        byRegion.clear();
        transferThreads.shutdownNow();
    }

    /** {@code <bucket>.<suffix>}: the host name sent, whatever address is connected to. */
    private record SuffixBuilder(String suffix) implements EndpointBuilder {
        @Override
        public String buildGeneralApiEndpoint(String bucketName) {
            return bucketName + "." + suffix;
        }

        @Override
        public String buildGetServiceApiEndpoint() {
            return suffix;
        }
    }

    /** Connects every request to one address instead of resolving the bucket's host name. */
    private record FixedAddress(String address) implements EndpointResolver {
        @Override
        public String resolveGeneralApiEndpoint(String generalApiEndpoint) {
            return address;
        }

        @Override
        public String resolveGetServiceApiEndpoint(String getServiceApiEndpoint) {
            return address;
        }
    }
}
