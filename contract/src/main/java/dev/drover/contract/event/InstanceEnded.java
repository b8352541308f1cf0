package dev.drover.contract.event;

import java.time.Instant;
import java.util.List;

/** An attempt's final event: it succeeded or failed, and nothing more will be reported of it. */
public sealed interface InstanceEnded extends InstanceEvent
        permits InstanceSucceeded, InstanceFailed {

    /** When the command's process started; null if it never did. */
    Instant startedAt();

    /** When the attempt ended. */
    Instant endedAt();

    /**
     * The attempt's streams that wrote nothing and were therefore never sent to the log collector:
     * no object holds them, and readers serve them as empty. A stream with a RedirectInfo path is
     * archived even when empty (the user named a file), so it is never listed. Null or empty when
     * every stream that ran was sent, and for attempts that never ran.
     */
    List<LogStream> emptyLogs();

    /** The same event listing {@code streams} as empty and unarchived. */
    InstanceEnded withEmptyLogs(List<LogStream> streams);
}
