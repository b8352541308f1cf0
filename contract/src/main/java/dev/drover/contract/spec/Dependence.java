package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A DAG edge: {@code endTask} runs after {@code startTask}.
 *
 * @param startTask the predecessor's name
 * @param endTask the successor's name
 */
public record Dependence(
        @JsonProperty("StartTask") String startTask, @JsonProperty("EndTask") String endTask) {}
