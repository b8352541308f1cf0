package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An anonymous compute environment for the cvm backend.
 *
 * @param envType "MANAGED"
 * @param envData the CVM settings
 */
public record ComputeEnv(
        @JsonProperty("EnvType") String envType, @JsonProperty("EnvData") EnvData envData) {}
