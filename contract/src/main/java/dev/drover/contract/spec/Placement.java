package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a job's cloud instances go.
 *
 * @param zone availability zone, e.g. ap-guangzhou-2
 * @param projectId Tencent Cloud project, 0 for the default
 */
public record Placement(
        @JsonProperty("Zone") String zone, @JsonProperty("ProjectId") Long projectId) {}
