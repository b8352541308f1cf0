package dev.drover.cloudstub.tencent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one stub CVM instance, for a test's assertions.
 *
 * @param instanceId {@code ins-} and eight characters
 * @param state PENDING, RUNNING or TERMINATING (gone instances are not listed)
 * @param instanceType the InstanceType it was bought as
 * @param zone Placement.Zone
 * @param imageId the ImageId asked for
 * @param chargeType InstanceChargeType
 * @param tags its tags, from TagSpecification
 * @param sandbox the directory its TAT commands run in
 * @param createdTime when RunInstances made it
 */
public record StubVm(
        String instanceId,
        String state,
        String instanceType,
        String zone,
        String imageId,
        String chargeType,
        Map<String, String> tags,
        Path sandbox,
        Instant createdTime) {}
