package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Credentials for another account's storage.
 *
 * @param scene what they are for, "COS"
 * @param secretId the key id
 * @param secretKey the key; never logged or returned
 */
public record Authentication(
        @JsonProperty("Scene") String scene,
        @JsonProperty("SecretId") String secretId,
        @JsonProperty("SecretKey") String secretKey) {

    @Override
    public String toString() {
        return "Authentication[scene=" + scene + ", secretId=" + secretId + ", secretKey=***]";
    }
}
