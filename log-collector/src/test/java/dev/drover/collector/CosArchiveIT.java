package dev.drover.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.endpoint.SuffixEndpointBuilder;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.region.Region;
import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.collector.messaging.LogCollector;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Logs whose redirect path is cos:// land in COS (S3Proxy here), byte-exact. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@QuarkusTestResource(value = CosArchiveResource.class, restrictToAnnotatedClass = true)
class CosArchiveIT extends ArchivedLogsPerTest {

    private static final String BUCKET = CosArchiveResource.BUCKET;

    @Inject LogCollector collector;

    @Test
    void c16BytesAreArchivedIntoCosByteExactUnderTheLongFormUri() throws Exception {
        String job = newJobId();
        byte[] stdout = Chunks.c16Stdout();
        String fileName = Chunks.defaultFileName(LogStream.STDOUT, job, "BIN", 0);
        Chunks out =
                new Chunks(
                        job, "BIN", 0, 1, LogStream.STDOUT, "cos://" + BUCKET + "/c16/", fileName);
        Chunks.send(out.of(stdout));

        LogsArchived o = archived.await(job, "BIN", 1, LogStream.STDOUT);

        String longForm =
                "cos://" + BUCKET + ".cos." + CosArchiveResource.REGION + ".myqcloud.com/";
        assertThat(o.uri()).isEqualTo(longForm + "c16/" + fileName + ".attempt-1");
        assertThat(o.sha256()).isEqualTo(Chunks.C16_SHA);
        assertThat(o.size()).isEqualTo(17);
        assertThat(object("c16/" + fileName + ".attempt-1")).isEqualTo(stdout);
        assertThat(object("c16/" + fileName)).isEqualTo(stdout);
    }

    @Test
    void aLogOverTheMultipartThresholdGoesUpInPartsByteExact() throws Exception {
        String job = newJobId();
        byte[] bytes = new byte[6 * 1024 * 1024 + 123];
        new Random(16).nextBytes(bytes);
        String fileName = Chunks.defaultFileName(LogStream.STDERR, job, "BIG", 0);
        Chunks err =
                new Chunks(
                        job, "BIG", 0, 1, LogStream.STDERR, "cos://" + BUCKET + "/big/", fileName);
        try (BulkSender sender = new BulkSender()) {
            long seq = 0;
            for (int from = 0; from < bytes.length; from += Chunks.MAX_CHUNK) {
                int to = Math.min(bytes.length, from + Chunks.MAX_CHUNK);
                sender.send(err.chunk(seq++, Arrays.copyOfRange(bytes, from, to), false));
            }
            sender.send(err.chunk(seq, new byte[0], true));
        }

        LogsArchived e = archived.await(job, "BIG", 1, LogStream.STDERR);

        String key = "big/" + fileName + ".attempt-1";
        assertThat(object(key)).isEqualTo(bytes);
        assertThat(e.sha256()).isEqualTo(ArchivedLogs.sha256(bytes));
        // An S3 multipart ETag ends in "-<parts>": 6 MiB in 5 MiB parts is 2 parts.
        assertThat(rawClient().getObjectMetadata(BUCKET, key).getETag()).endsWith("-2");
    }

    /** Reads an object straight from S3Proxy with cos_api, not through the store under test. */
    private static byte[] object(String key) throws Exception {
        try (InputStream in = rawClient().getObject(BUCKET, key).getObjectContent()) {
            return in.readAllBytes();
        }
    }

    private static COSClient rawClient() {
        ClientConfig config = new ClientConfig(new Region(CosArchiveResource.REGION));
        config.setHttpProtocol(HttpProtocol.http);
        config.setEndpointBuilder(new SuffixEndpointBuilder(S3ProxyServer.HOST_SUFFIX));
        String address = CosArchiveResource.s3().address();
        config.setEndpointResolver(
                new EndpointResolver() {
                    @Override
                    public String resolveGeneralApiEndpoint(String endpoint) {
                        return address;
                    }

                    @Override
                    public String resolveGetServiceApiEndpoint(String endpoint) {
                        return address;
                    }
                });
        return new COSClient(new BasicCOSCredentials("AKIDreader", "reader-secret"), config);
    }

    private static String newJobId() {
        return "job-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
