package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a task runs.
 *
 * @param deliveryForm LOCAL runs the command as found; PACKAGE unpacks packagePath first
 * @param command run with exactly one level of shell parsing
 * @param packagePath a .tgz/.tar.gz to download and unpack (PACKAGE only)
 * @param docker a container to run the command in, or null
 */
public record Application(
        @JsonProperty("DeliveryForm") DeliveryForm deliveryForm,
        @JsonProperty("Command") String command,
        @JsonProperty("PackagePath") String packagePath,
        @JsonProperty("Docker") Docker docker) {}
