package dev.drover.contract.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where stdout and stderr are archived. File names may use {@code ${BATCH_JOB_ID}}, {@code
 * ${BATCH_TASK_NAME}} and {@code ${BATCH_TASK_INSTANCE_INDEX}}.
 *
 * @param stdoutRedirectPath remote directory for stdout, ending in /
 * @param stderrRedirectPath remote directory for stderr, ending in /
 * @param stdoutRedirectFileName file name template for stdout, or null for the default
 * @param stderrRedirectFileName file name template for stderr, or null for the default
 */
public record RedirectInfo(
        @JsonProperty("StdoutRedirectPath") String stdoutRedirectPath,
        @JsonProperty("StderrRedirectPath") String stderrRedirectPath,
        @JsonProperty("StdoutRedirectFileName") String stdoutRedirectFileName,
        @JsonProperty("StderrRedirectFileName") String stderrRedirectFileName) {}
