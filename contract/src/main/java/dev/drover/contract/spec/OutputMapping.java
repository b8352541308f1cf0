package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A local path copied to remote storage after the command ends.
 *
 * @param sourcePath absolute local path, a directory when it ends in /
 * @param destinationPath remote directory (file://, cos://), ending in /
 */
public record OutputMapping(
        @JsonProperty("SourcePath") String sourcePath,
        @JsonProperty("DestinationPath") String destinationPath) {}
