package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.spec.Authentication;
import dev.drover.contract.spec.ComputeEnv;
import dev.drover.contract.spec.EnvData;
import dev.drover.contract.spec.EnvVar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a task's command runs in: ComputeEnv or EnvId, EnvVars and Authentications. Secret
 * values (SecretId, SecretKey, env var values) never appear in a message.
 */
final class EnvironmentReader {

    private static final Pattern POSIX_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String RESERVED_PREFIX = "BATCH_";

    private static final Set<String> COMPUTE_ENV_FIELDS = Set.of("EnvType", "EnvData");
    private static final Set<String> ENV_DATA_FIELDS =
            Set.of(
                    "InstanceType",
                    "InstanceTypes",
                    "ImageId",
                    "SystemDisk",
                    "DataDisks",
                    "VirtualPrivateCloud",
                    "SecurityGroupIds",
                    "InstanceChargeType",
                    "InternetAccessible",
                    "LoginSettings");

    // The CVM objects below travel unchanged to RunInstances, so they know CVM's own field names.
    private static final Set<String> SYSTEM_DISK_FIELDS =
            Set.of("DiskType", "DiskId", "DiskSize", "CdcId", "DiskName");
    private static final Set<String> DATA_DISK_FIELDS =
            Set.of(
                    "DiskSize",
                    "DiskType",
                    "DiskId",
                    "DeleteWithInstance",
                    "SnapshotId",
                    "Encrypt",
                    "KmsKeyId",
                    "ThroughputPerformance",
                    "CdcId",
                    "BurstPerformance",
                    "DiskName");
    private static final Set<String> VPC_FIELDS =
            Set.of("VpcId", "SubnetId", "AsVpcGateway", "PrivateIpAddresses", "Ipv6AddressCount");
    private static final Set<String> INTERNET_FIELDS =
            Set.of(
                    "InternetChargeType",
                    "InternetMaxBandwidthOut",
                    "PublicIpAssigned",
                    "BandwidthPackageId",
                    "InternetServiceProvider",
                    "IPv4AddressType",
                    "IPv6AddressType",
                    "AntiDDoSPackageId");
    private static final Set<String> LOGIN_FIELDS = Set.of("Password", "KeyIds", "KeepImageLogin");
    private static final Set<String> ENV_VAR_FIELDS = Set.of("Name", "Value");
    private static final Set<String> AUTHENTICATION_FIELDS =
            Set.of("Scene", "SecretId", "SecretKey");

    private final ValidationLimits limits;
    private final JsonFields json;

    EnvironmentReader(ValidationLimits limits, JsonFields json) {
        this.limits = limits;
        this.json = json;
    }

    /** ComputeEnv, or null; refuses a task that names both ComputeEnv and EnvId. */
    ComputeEnv computeEnv(JsonNode task, Scope scope, String envId) {
        JsonNode env = json.object(task, scope, "ComputeEnv", false, COMPUTE_ENV_FIELDS);
        if (env == null) {
            return null;
        }
        if (envId != null) {
            json.violations()
                    .add(
                            Codes.ENV_ID_XOR_COMPUTE_ENV,
                            scope.describeSelf() + " may name only one of EnvId and ComputeEnv",
                            List.of(scope.at("EnvId"), scope.at("ComputeEnv")));
        }
        Scope in = scope.child("ComputeEnv");
        String type = json.oneOf(env, in, "EnvType", List.of("MANAGED"), true);
        JsonNode data = json.object(env, in, "EnvData", true, ENV_DATA_FIELDS);
        return new ComputeEnv(type, data == null ? null : envData(data, in.child("EnvData")));
    }

    private EnvData envData(JsonNode data, Scope in) {
        return new EnvData(
                json.text(data, in, "InstanceType", false),
                strings(data, in, "InstanceTypes"),
                json.text(data, in, "ImageId", false),
                json.object(data, in, "SystemDisk", false, SYSTEM_DISK_FIELDS),
                dataDisks(data, in),
                json.object(data, in, "VirtualPrivateCloud", false, VPC_FIELDS),
                strings(data, in, "SecurityGroupIds"),
                json.oneOf(
                        data,
                        in,
                        "InstanceChargeType",
                        List.of("POSTPAID_BY_HOUR", "SPOTPAID"),
                        false),
                json.object(data, in, "InternetAccessible", false, INTERNET_FIELDS),
                json.object(data, in, "LoginSettings", false, LOGIN_FIELDS));
    }

    private JsonNode dataDisks(JsonNode data, Scope in) {
        JsonNode disks = json.array(data, in, "DataDisks", false);
        for (int i = 0; disks != null && i < disks.size(); i++) {
            json.elementObject(disks.get(i), in.element("DataDisks", i), DATA_DISK_FIELDS);
        }
        return disks;
    }

    private List<String> strings(JsonNode node, Scope scope, String name) {
        JsonNode array = json.array(node, scope, name, false);
        List<String> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual() && Text.isStorable(item.textValue())) {
                values.add(item.textValue());
            } else {
                String at = scope.at(name) + "[" + i + "]";
                json.violations().add(Codes.INVALID, at + " must be a string", at);
            }
        }
        return values;
    }

    /** EnvVars with POSIX names, none reserved, none twice; values are kept byte-exact. */
    List<EnvVar> envVars(JsonNode task, Scope scope) {
        JsonNode array = json.array(task, scope, "EnvVars", false);
        List<EnvVar> vars = new ArrayList<>();
        if (array == null) {
            return vars;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            Scope at = scope.element("EnvVars", i);
            JsonNode item = json.elementObject(array.get(i), at, ENV_VAR_FIELDS);
            if (item == null) {
                continue;
            }
            String name = json.text(item, at, "Name", true);
            String value = json.text(item, at, "Value", true);
            if (name != null && nameIsUsable(name, at, seen, i) && fits(name, value, at)) {
                vars.add(new EnvVar(name, value));
            }
        }
        return vars;
    }

    /**
     * Linux refuses at exec any environment string longer than MAX_ARG_STRLEN, so such a variable
     * could never start its task. The message names the variable, never its value.
     */
    private boolean fits(String name, String value, Scope at) {
        long bytes = Text.utf8Length(name) + 1 + (value == null ? 0 : Text.utf8Length(value));
        if (bytes <= limits.maxEnvVarBytes()) {
            return true;
        }
        json.violations()
                .add(
                        Codes.LIMIT,
                        at.describe("Value")
                                + " makes "
                                + name
                                + "=Value "
                                + bytes
                                + " bytes long (UTF-8), over the limit of "
                                + limits.maxEnvVarBytes()
                                + " bytes per variable (drover.limits.max-env-var-bytes)",
                        at.at("Value"));
        return false;
    }

    private boolean nameIsUsable(String name, Scope at, Map<String, Integer> seen, int index) {
        String problem = null;
        if (!POSIX_NAME.matcher(name).matches()) {
            problem = "must be a POSIX name ([A-Za-z_][A-Za-z0-9_]*), got " + Text.quote(name);
        } else if (name.startsWith(RESERVED_PREFIX)) {
            problem = "must not start with BATCH_, those names are set by Drover: " + name;
        } else if (seen.putIfAbsent(name, index) != null) {
            problem = "repeats the name " + name + " of EnvVars[" + seen.get(name) + "]";
        }
        if (problem != null) {
            json.invalid(at, "Name", problem);
        }
        return problem == null;
    }

    /** Credentials for another account's COS; only the field names reach messages. */
    List<Authentication> authentications(JsonNode task, Scope scope) {
        JsonNode array = json.array(task, scope, "Authentications", false);
        List<Authentication> result = new ArrayList<>();
        if (array == null) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            Scope at = scope.element("Authentications", i);
            JsonNode item = json.elementObject(array.get(i), at, AUTHENTICATION_FIELDS);
            if (item == null) {
                continue;
            }
            String scene = json.oneOf(item, at, "Scene", List.of("COS"), true);
            String id = json.text(item, at, "SecretId", true);
            String key = json.text(item, at, "SecretKey", true);
            result.add(new Authentication(scene, id, key));
        }
        return result;
    }
}
