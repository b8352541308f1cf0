package dev.drover.scheduler.dag;

import dev.drover.contract.State;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A job's stored state held in maps: the core's test double for the database. */
final class InMemoryJob implements JobState {

    private JobRow job;
    private final Map<String, TaskRow> tasks = new LinkedHashMap<>();
    private final Map<String, TaskSpec> specs = new HashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();
    private final Map<String, List<String>> predecessors = new HashMap<>();
    private final Map<String, Map<Integer, InstanceRow>> instances = new HashMap<>();
    final List<Event> published = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();

    /** Stores a job as the shell does once all its parts are in: tasks SUBMITTED, counts set. */
    static InMemoryJob stored(String jobId, JobSpec spec) {
        InMemoryJob memory = new InMemoryJob();
        memory.job =
                new JobRow(
                        jobId,
                        State.SUBMITTED,
                        spec.taskExecutionDependOn(),
                        spec.priority(),
                        null,
                        spec.stateIfCreateCvmFailed(),
                        0,
                        null,
                        false);
        for (TaskSpec task : spec.tasks()) {
            memory.specs.put(task.taskName(), task);
            memory.successors.put(task.taskName(), new ArrayList<>());
            memory.predecessors.put(task.taskName(), new ArrayList<>());
        }
        List<Dependence> edges = spec.dependences() == null ? List.of() : spec.dependences();
        for (Dependence edge : edges) {
            memory.successors.get(edge.startTask()).add(edge.endTask());
            memory.predecessors.get(edge.endTask()).add(edge.startTask());
        }
        for (TaskSpec task : spec.tasks()) {
            memory.tasks.put(
                    task.taskName(),
                    new TaskRow(
                            task.taskName(),
                            State.SUBMITTED,
                            task.taskInstanceNum(),
                            task.maxAttempts(),
                            memory.predecessors.get(task.taskName()).size(),
                            0,
                            0,
                            0,
                            false));
        }
        return memory;
    }

    /** Stores and learns the job, as when its last part arrives. */
    static InMemoryJob learned(String jobId, JobSpec spec) {
        InMemoryJob memory = stored(jobId, spec);
        memory.apply(JobDecider.learned(memory));
        return memory;
    }

    Decision apply(Decision decision) {
        decisions.add(decision);
        if (decision.isIgnored()) {
            return decision;
        }
        if (decision.job() != null) {
            job = decision.job();
        }
        tasks.putAll(decision.tasks());
        decision.instances()
                .values()
                .forEach(
                        row ->
                                instances
                                        .computeIfAbsent(row.task(), t -> new TreeMap<>())
                                        .put(row.index(), row));
        published.addAll(decision.events());
        return decision;
    }

    Decision on(InstanceEvent event) {
        return apply(JobDecider.instance(this, event));
    }

    Decision terminate() {
        return apply(JobDecider.terminate(this));
    }

    Decision retry() {
        return apply(JobDecider.retry(this));
    }

    @Override
    public JobRow job() {
        return job;
    }

    @Override
    public TaskRow task(String name) {
        return tasks.get(name);
    }

    @Override
    public List<String> successors(String task) {
        return successors.getOrDefault(task, List.of());
    }

    @Override
    public List<String> predecessors(String task) {
        return predecessors.getOrDefault(task, List.of());
    }

    @Override
    public InstanceRow instance(String task, int index) {
        return instances.getOrDefault(task, Map.of()).get(index);
    }

    @Override
    public List<InstanceRow> instances(String task) {
        return List.copyOf(instances.getOrDefault(task, Map.of()).values());
    }

    @Override
    public List<String> taskNames() {
        return List.copyOf(tasks.keySet());
    }

    @Override
    public TaskSpec spec(String task) {
        return specs.get(task);
    }
}
