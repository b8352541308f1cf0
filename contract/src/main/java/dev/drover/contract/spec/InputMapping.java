package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A remote directory that appears at a local path before the command starts.
 *
 * @param sourcePath remote directory (file://, cos://), ending in /
 * @param destinationPath absolute, normalised local path
 * @param mountOptionParameter backend-specific mount options, or null
 */
public record InputMapping(
        @JsonProperty("SourcePath") String sourcePath,
        @JsonProperty("DestinationPath") String destinationPath,
        @JsonProperty("MountOptionParameter") String mountOptionParameter) {}
