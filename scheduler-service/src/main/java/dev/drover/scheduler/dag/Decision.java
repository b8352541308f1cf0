package dev.drover.scheduler.dag;

import dev.drover.contract.event.Event;
import java.util.List;
import java.util.Map;

/**
 * What the core decided for one input: the rows to write and the events to publish, to be committed
 * together. An ignored input (duplicate, stale, not applicable) changes nothing and says why in
 * {@link #ignored}.
 *
 * @param job the job's new row, or null if unchanged
 * @param tasks task rows to write, by name
 * @param instances instance rows to write (insert or update), by key
 * @param events events to publish, in order
 * @param ignored why the input changed nothing, or null if it was applied
 */
public record Decision(
        JobRow job,
        Map<String, TaskRow> tasks,
        Map<InstanceRow.Key, InstanceRow> instances,
        List<Event> events,
        String ignored) {

    /** A decision that changes nothing. */
    public static Decision ignore(String why) {
        return new Decision(null, Map.of(), Map.of(), List.of(), why);
    }

    /** Whether the input changed nothing. */
    public boolean isIgnored() {
        return ignored != null;
    }
}
