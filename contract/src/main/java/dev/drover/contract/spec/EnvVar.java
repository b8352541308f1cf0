package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One environment variable for the command.
 *
 * @param name a POSIX name, not starting with BATCH_
 * @param value passed exactly, never re-expanded
 */
public record EnvVar(@JsonProperty("Name") String name, @JsonProperty("Value") String value) {}
