package dev.drover.jobs.readmodel;

import dev.drover.contract.State;
import java.time.Instant;

/**
 * What the read model shows of one instance index.
 *
 * @param state the state of its latest attempt
 * @param attempts the highest attempt seen, 0 when it never ran
 * @param exitCode the latest attempt's exit code, or null
 * @param reason why it failed, or why it waits for a machine again (RUNNABLE), or null
 * @param startTime when the latest attempt's command started, or null
 * @param endTime when the latest attempt ended, or null
 */
public record InstanceRow(
        State state,
        int attempts,
        Integer exitCode,
        String reason,
        Instant startTime,
        Instant endTime) {}
