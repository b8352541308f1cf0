package dev.drover.store.cos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.endpoint.SuffixEndpointBuilder;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.region.Region;
import dev.drover.cloudstub.cos.S3ProxyServer;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.NoSuchObjectException;
import dev.drover.store.ObjectInfo;
import dev.drover.store.PutResult;
import dev.drover.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CosStore through the real cos_api against S3Proxy. S3Proxy runs with authorization off (it cannot
 * check COS's q-sign-algorithm signatures), so a wrong key pair is NOT rejected here: that
 * behaviour can only be seen against Tencent COS, where it is a 403 AccessDenied or
 * SignatureDoesNotMatch, which CosErrors maps to a permanent StoreException with that code.
 */
class CosStoreIT {

    private static final String BUCKET = "drover-1250000000";
    private static final String REGION = "ap-guangzhou";
    private static final CosCredentials KEYS = new CosCredentials("AKIDtest", "test-secret");

    @TempDir static Path serverDir;
    @TempDir Path work;

    private static S3ProxyServer s3;
    private static CosStore store;

    @BeforeAll
    static void startS3Proxy() {
        s3 = S3ProxyServer.start(serverDir);
        s3.createBucket(BUCKET);
        store =
                new CosStore(
                        CosConfig.localEndpoint(
                                s3.address(), S3ProxyServer.HOST_SUFFIX, REGION, KEYS));
    }

    @AfterAll
    static void stop() {
        store.close();
        s3.close();
    }

    @Test
    void twentyMebibytesOfBinaryGoUpInPartsAndComeBackByteExact() throws Exception {
        byte[] bytes = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        Path source = Files.write(work.resolve("big.bin"), bytes);
        RemotePath object = RemotePath.parse("cos://" + BUCKET + "/big/big.bin");

        PutResult put = store.put(object, source);

        assertThat(put.size()).isEqualTo(bytes.length);
        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        // 20 MiB in 8 MiB parts: an S3 multipart ETag ends in "-<parts>".
        assertThat(rawClient().getObjectMetadata(BUCKET, "big/big.bin").getETag()).endsWith("-3");
        Path back = work.resolve("back/big.bin");
        store.get(object, back);
        assertThat(Files.readAllBytes(back)).isEqualTo(bytes);
        assertThat(store.size(object)).isEqualTo(bytes.length);
    }

    @Test
    void writtenObjectsAndCopiesKeepEveryByte() throws Exception {
        byte[] bytes = {0x68, 0x69, 0x0a, (byte) 0x80, (byte) 0xff, 0x00, 0x0a};
        RemotePath object = RemotePath.parse("cos://" + BUCKET + "/written/out.log.attempt-1");
        RemotePath plain = RemotePath.parse("cos://" + BUCKET + "/written/out.log");

        PutResult put = store.write(object, out -> out.write(bytes));
        store.copy(object, plain);

        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(put.uri())
                .isEqualTo(
                        "cos://"
                                + BUCKET
                                + ".cos."
                                + REGION
                                + ".myqcloud.com/written/out.log.attempt-1");
        try (InputStream in = store.open(plain)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void presignedUrlsLetAPlainHttpClientPutAndGet() throws Exception {
        RemotePath object = RemotePath.parse("cos://" + BUCKET + "/presigned/blob.bin");
        byte[] bytes = {1, 2, 3, (byte) 0xff};
        java.net.URL put = store.presign(object, true, java.time.Duration.ofMinutes(5));
        assertThat(put.getHost()).isEqualTo(BUCKET + "." + S3ProxyServer.HOST_SUFFIX);
        assertThat(put.toString()).doesNotContain("test-secret");
        Path file = Files.write(work.resolve("blob.bin"), bytes);
        // No DNS for the bucket host here: curl connects to S3Proxy and sends the URL's host.
        Process curl =
                new ProcessBuilder(
                                "curl",
                                "-fsS",
                                "--connect-to",
                                "::" + s3.address(),
                                "-T",
                                file.toString(),
                                put.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(curl.getInputStream().readAllBytes());
        assertThat(curl.waitFor()).as(output).isZero();
        Path back = work.resolve("back.bin");
        java.net.URL get = store.presign(object, false, java.time.Duration.ofMinutes(5));
        Process fetch =
                new ProcessBuilder(
                                "curl",
                                "-fsS",
                                "--connect-to",
                                "::" + s3.address(),
                                "-o",
                                back.toString(),
                                get.toString())
                        .redirectErrorStream(true)
                        .start();
        assertThat(fetch.waitFor()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(bytes);
        try (InputStream in = store.open(object)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void streamedPutAndOpenKeepEveryByte() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        RemotePath object = RemotePath.parse("cos://" + BUCKET + "/small/all-bytes.bin");

        PutResult put = store.put(object, new ByteArrayInputStream(bytes));

        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        try (InputStream in = store.open(object)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(s3.bucketDirectory(BUCKET).resolve("small/all-bytes.bin"))
                .hasBinaryContent(bytes);
    }

    @Test
    void directoryTreeGoesUpListsAndComesDown() throws Exception {
        Path src = Files.createDirectories(work.resolve("src/a/b"));
        Files.writeString(work.resolve("src/one.txt"), "one");
        Files.writeString(src.resolve("two.txt"), "two");
        RemotePath dir = RemotePath.parse("cos://" + BUCKET + "/tree/");

        assertThat(store.upload(work.resolve("src"), dir)).isEqualTo(2);

        assertThat(store.list(dir))
                .extracting(ObjectInfo::relativeKey, ObjectInfo::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a/b/two.txt", 3L),
                        org.assertj.core.groups.Tuple.tuple("one.txt", 3L));
        assertThat(store.exists(dir)).isTrue();
        assertThat(store.exists(RemotePath.parse("cos://" + BUCKET + "/empty/"))).isFalse();
        Path dst = work.resolve("dst");
        assertThat(store.download(dir, dst)).isEqualTo(2);
        assertThat(dst.resolve("a/b/two.txt")).hasContent("two");
        assertThat(dst.resolve("one.txt")).hasContent("one");
    }

    @Test
    void longAndShortFormNameTheSameObject() throws Exception {
        RemotePath longForm =
                RemotePath.parse("cos://" + BUCKET + ".cos." + REGION + ".myqcloud.com/forms/x");
        RemotePath shortForm = RemotePath.parse("cos://" + BUCKET + "/forms/x");

        PutResult put = store.put(longForm, new ByteArrayInputStream("same".getBytes()));

        assertThat(put.uri())
                .isEqualTo("cos://" + BUCKET + ".cos." + REGION + ".myqcloud.com/forms/x");
        assertThat(RemotePath.parse(put.uri())).isEqualTo(longForm);
        assertThat(store.exists(shortForm)).isTrue();
        try (InputStream in = store.open(shortForm)) {
            assertThat(in.readAllBytes()).isEqualTo("same".getBytes());
        }
    }

    @Test
    void missingObjectsAndBucketsArePermanentAndNamedByCosCode() {
        RemotePath missingKey = RemotePath.parse("cos://" + BUCKET + "/nothing-here");
        RemotePath missingBucket = RemotePath.parse("cos://nobucket-1250000000/k");

        assertThat(catchStore(() -> store.size(missingKey)))
                .isInstanceOf(NoSuchObjectException.class)
                .matches(e -> !e.isRetryable());
        assertThat(catchStore(() -> store.open(missingBucket)).code()).isEqualTo("NoSuchBucket");
        assertThatThrownBy(() -> store.get(missingKey, work.resolve("none")))
                .isInstanceOf(NoSuchObjectException.class);
        assertThat(work.resolve("none")).doesNotExist();
    }

    @Test
    void anUnreachableEndpointIsRetryableAndTheSecretStaysOutOfTheMessage() throws Exception {
        CosConfig nowhere =
                CosConfig.localEndpoint("127.0.0.1:1", S3ProxyServer.HOST_SUFFIX, REGION, KEYS)
                        .withEndpoint(S3ProxyServer.HOST_SUFFIX, "127.0.0.1:1");
        try (CosStore dead = new CosStore(nowhere)) {
            StoreException e =
                    catchStore(() -> dead.size(RemotePath.parse("cos://" + BUCKET + "/x")));
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).doesNotContain("test-secret");
            assertThat(dead.toString()).doesNotContain("test-secret");
        }
    }

    private interface StoreCall {
        Object call() throws Exception;
    }

    private static StoreException catchStore(StoreCall call) {
        try {
            call.call();
        } catch (StoreException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a StoreException", e);
        }
        throw new AssertionError("expected a StoreException, the call succeeded");
    }

    private static COSClient rawClient() {
        ClientConfig config = new ClientConfig(new Region(REGION));
        config.setHttpProtocol(HttpProtocol.http);
        config.setEndpointBuilder(new SuffixEndpointBuilder(S3ProxyServer.HOST_SUFFIX));
        config.setEndpointResolver(
                new EndpointResolver() {
                    @Override
                    public String resolveGeneralApiEndpoint(String endpoint) {
                        return s3.address();
                    }

                    @Override
                    public String resolveGetServiceApiEndpoint(String endpoint) {
                        return s3.address();
                    }
                });
        return new COSClient(new BasicCOSCredentials("AKIDtest", "test-secret"), config);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
