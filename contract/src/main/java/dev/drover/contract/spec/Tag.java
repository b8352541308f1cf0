package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user label on a job.
 *
 * @param key the label's name
 * @param value the label's value
 */
public record Tag(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}
