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
import dev.drover.cloudstub.LocalTencentCloud;
import dev.drover.cloudstub.tencent.TencentCloudStub;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local Tencent Cloud (CVM and TAT stub) and S3Proxy as COS, with the provisioner configured to
 * reach both; short waits so creation retries and polls take milliseconds.
 */
public class CloudResource extends CosResource {

    @Override
    LocalTencentCloud startCloud(Path dir) {
        return LocalTencentCloud.cosAndCvm(dir, SECRET_ID, SECRET_KEY);
    }

    @Override
    Map<String, String> config(LocalTencentCloud started) {
        Map<String, String> config = started.cvmConfig(BUCKET);
        config.put("drover.cvm.poll-interval", "50ms");
        config.put("drover.cvm.max-poll-interval", "300ms");
        config.put("drover.cvm.create-retry-wait", "100ms");
        config.put("drover.cvm.max-create-retry-wait", "400ms");
        config.put("drover.cvm.runnable-retry-wait", "200ms");
        config.put("drover.cvm.max-runnable-retry-wait", "500ms");
        config.put("drover.cvm.api-retry-wait", "50ms");
        config.put("drover.cvm.reconcile-interval", "1h");
        return config;
    }

    static TencentCloudStub stub() {
        return cloud().cvm();
    }

    /** A CVM client of the test account, as a user (or a crashed provisioner) holds one. */
    static CvmClient cvm() {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(stub().endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new CvmClient(
                new Credential(SECRET_ID, SECRET_KEY),
                REGION,
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
        placement.setZone(LocalTencentCloud.ZONE);
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
}
