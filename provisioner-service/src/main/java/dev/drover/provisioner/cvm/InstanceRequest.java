package dev.drover.provisioner.cvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.cvm.v20170312.models.DataDisk;
import com.tencentcloudapi.cvm.v20170312.models.InstanceMarketOptionsRequest;
import com.tencentcloudapi.cvm.v20170312.models.InternetAccessible;
import com.tencentcloudapi.cvm.v20170312.models.LoginSettings;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.SpotMarketOptions;
import com.tencentcloudapi.cvm.v20170312.models.SystemDisk;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import com.tencentcloudapi.cvm.v20170312.models.VirtualPrivateCloud;
import dev.drover.contract.spec.EnvData;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The RunInstances request of one attempt: EnvData, zone, Drover's tags and its ClientToken. */
final class InstanceRequest {

    static final String TAG_JOB = "drover-job";
    static final String TAG_TASK = "drover-task";
    static final String TAG_INDEX = "drover-index";
    static final String TAG_ATTEMPT = "drover-attempt";

    private InstanceRequest() {}

    /** The InstanceTypes to try, in order. */
    static List<String> types(EnvData env) {
        List<String> types = new ArrayList<>();
        if (env.instanceTypes() != null) {
            types.addAll(env.instanceTypes());
        }
        if (types.isEmpty() && env.instanceType() != null) {
            types.add(env.instanceType());
        }
        return types;
    }

    static RunInstancesRequest build(Attempt attempt, EnvData env, String zone, String type) {
        RunInstancesRequest request = new RunInstancesRequest();
        request.setClientToken(clientToken(attempt.id(), type));
        request.setInstanceCount(1L);
        request.setInstanceType(type);
        request.setImageId(env.imageId());
        Placement placement = new Placement();
        placement.setZone(zone);
        request.setPlacement(placement);
        String charge =
                env.instanceChargeType() == null ? "POSTPAID_BY_HOUR" : env.instanceChargeType();
        request.setInstanceChargeType(charge);
        if ("SPOTPAID".equals(charge)) {
            InstanceMarketOptionsRequest market = new InstanceMarketOptionsRequest();
            market.setMarketType("spot");
            SpotMarketOptions spot = new SpotMarketOptions();
            spot.setSpotInstanceType("one-time");
            market.setSpotOptions(spot);
            request.setInstanceMarketOptions(market);
        }
        request.setSystemDisk(model(env.systemDisk(), SystemDisk.class));
        if (env.dataDisks() != null && env.dataDisks().isArray()) {
            request.setDataDisks(model(env.dataDisks(), DataDisk[].class));
        }
        request.setVirtualPrivateCloud(model(env.virtualPrivateCloud(), VirtualPrivateCloud.class));
        if (env.securityGroupIds() != null) {
            request.setSecurityGroupIds(env.securityGroupIds().toArray(String[]::new));
        }
        request.setInternetAccessible(model(env.internetAccessible(), InternetAccessible.class));
        request.setLoginSettings(model(env.loginSettings(), LoginSettings.class));
        request.setTagSpecification(new TagSpecification[] {tags(attempt.id())});
        return request;
    }

    /**
     * At most 64 ASCII characters, the same for the same attempt and type: RunInstances repeated
     * after a lost answer returns the instance already bought instead of a second one.
     */
    static String clientToken(AttemptId id, String type) {
        String key =
                id.jobId()
                        + "\n"
                        + id.taskName()
                        + "\n"
                        + id.index()
                        + "\n"
                        + id.attempt()
                        + "\n"
                        + type;
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return "drover-" + HexFormat.of().formatHex(hash).substring(0, 48);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TagSpecification tags(AttemptId id) {
        TagSpecification spec = new TagSpecification();
        spec.setResourceType("instance");
        spec.setTags(
                new Tag[] {
                    tag(TAG_JOB, id.jobId()),
                    tag(TAG_TASK, id.taskName()),
                    tag(TAG_INDEX, Integer.toString(id.index())),
                    tag(TAG_ATTEMPT, Integer.toString(id.attempt()))
                });
        return spec;
    }

    private static Tag tag(String key, String value) {
        Tag tag = new Tag();
        tag.setKey(key);
        tag.setValue(value);
        return tag;
    }

    // EnvData keeps Tencent's own JSON for these; the SDK models read the same field names.
    private static <T> T model(JsonNode json, Class<T> type) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        return AbstractModel.fromJsonString(json.toString(), type);
    }
}
