package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A container image to run the command in.
 *
 * @param image the image reference
 * @param user registry user
 * @param password registry password; never logged or returned
 * @param server registry address
 */
public record Docker(
        @JsonProperty("Image") String image,
        @JsonProperty("User") String user,
        @JsonProperty("Password") String password,
        @JsonProperty("Server") String server) {}
