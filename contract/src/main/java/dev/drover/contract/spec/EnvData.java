package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * CVM settings of an anonymous compute environment. Nested structures the cloud API defines (disks,
 * network, login) are kept as the user wrote them and handed to the CVM API unchanged.
 *
 * @param instanceType one instance type
 * @param instanceTypes instance types tried in order when one is sold out
 * @param imageId the image to boot
 * @param systemDisk system disk settings
 * @param dataDisks data disk settings
 * @param virtualPrivateCloud VPC and subnet
 * @param securityGroupIds security groups
 * @param instanceChargeType POSTPAID_BY_HOUR or SPOTPAID
 * @param internetAccessible public network settings
 * @param loginSettings login settings; passwords never logged or returned
 */
public record EnvData(
        @JsonProperty("InstanceType") String instanceType,
        @JsonProperty("InstanceTypes") List<String> instanceTypes,
        @JsonProperty("ImageId") String imageId,
        @JsonProperty("SystemDisk") JsonNode systemDisk,
        @JsonProperty("DataDisks") JsonNode dataDisks,
        @JsonProperty("VirtualPrivateCloud") JsonNode virtualPrivateCloud,
        @JsonProperty("SecurityGroupIds") List<String> securityGroupIds,
        @JsonProperty("InstanceChargeType") String instanceChargeType,
        @JsonProperty("InternetAccessible") JsonNode internetAccessible,
        @JsonProperty("LoginSettings") JsonNode loginSettings) {}
