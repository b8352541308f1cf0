package dev.drover.scheduler.dag;

import dev.drover.contract.event.Event;
import dev.drover.contract.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one decision has changed so far, layered over the stored state: reads see the decision's
 * own writes, and nothing is written anywhere until the shell applies the result.
 */
final class Changes implements JobState {

    private final JobState stored;
    private JobRow job;
    private final Map<String, TaskRow> tasks = new LinkedHashMap<>();
    private final Map<InstanceRow.Key, InstanceRow> instances = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();

    Changes(JobState stored) {
        this.stored = stored;
    }

    void put(JobRow row) {
        job = row;
    }

    void put(TaskRow row) {
        tasks.put(row.name(), row);
    }

    void put(InstanceRow row) {
        instances.put(row.key(), row);
    }

    void emit(Event event) {
        events.add(event);
    }

    Decision decision() {
        return new Decision(
                job, Map.copyOf(tasks), Map.copyOf(instances), List.copyOf(events), null);
    }

    @Override
    public JobRow job() {
        return job != null ? job : stored.job();
    }

    @Override
    public TaskRow task(String name) {
        TaskRow changed = tasks.get(name);
        return changed != null ? changed : stored.task(name);
    }

    @Override
    public List<String> successors(String task) {
        return stored.successors(task);
    }

    @Override
    public List<String> predecessors(String task) {
        return stored.predecessors(task);
    }

    @Override
    public InstanceRow instance(String task, int index) {
        InstanceRow changed = instances.get(new InstanceRow.Key(task, index));
        return changed != null ? changed : stored.instance(task, index);
    }

    @Override
    public List<InstanceRow> instances(String task) {
        Map<Integer, InstanceRow> byIndex = new LinkedHashMap<>();
        stored.instances(task).forEach(row -> byIndex.put(row.index(), row));
        instances.values().stream()
                .filter(row -> row.task().equals(task))
                .forEach(row -> byIndex.put(row.index(), row));
        return List.copyOf(byIndex.values());
    }

    @Override
    public List<String> taskNames() {
        return stored.taskNames();
    }

    @Override
    public TaskSpec spec(String task) {
        return stored.spec(task);
    }
}
