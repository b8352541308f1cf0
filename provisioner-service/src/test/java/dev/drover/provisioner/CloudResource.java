package dev.drover.provisioner;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
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

    /** A CVM client of the test account, as a user (or a crashed provisioner) holds one. */
    static CvmClient cvm() {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(stub.endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new CvmClient(
                new Credential(SECRET_ID, SECRET_KEY),
                "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
    }

    /**
     * Buys a VM tagged as attempt 1 of {@code job}'s task T instance 0, as a provisioner killed
     * with -9 leaves it: no live attempt owns it.
     */
    static String orphanVm(String job) throws TencentCloudSDKException {
        RunInstancesRequest request = new RunInstancesRequest();
        request.setInstanceType("S5.MEDIUM2");
        request.setImageId("img-test");
        Placement placement = new Placement();
        placement.setZone("ap-guangzhou-3");
        request.setPlacement(placement);
        TagSpecification tags = new TagSpecification();
        tags.setResourceType("instance");
        tags.setTags(
                new Tag[] {
                    tag("drover-job", job),
                    tag("drover-task", "T"),
                    tag("drover-index", "0"),
                    tag("drover-attempt", "1")
                });
        request.setTagSpecification(new TagSpecification[] {tags});
        return cvm().RunInstances(request).getInstanceIdSet()[0];
    }

    private static Tag tag(String key, String value) {
        Tag tag = new Tag();
        tag.setKey(key);
        tag.setValue(value);
        return tag;
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
