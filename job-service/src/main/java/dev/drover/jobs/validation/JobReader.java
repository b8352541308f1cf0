package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Tag;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.jobs.validation.JsonFields.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code Job} object in the reference's field order and fills in its defaults. */
final class JobReader {

    private static final int MAX_TAG_KEY = 127;
    private static final int MAX_TAG_VALUE = 255;

    private static final Set<String> JOB_FIELDS =
            Set.of(
                    "JobName",
                    "JobDescription",
                    "Priority",
                    "Tasks",
                    "Dependences",
                    "TaskExecutionDependOn",
                    "StateIfCreateCvmFailed",
                    "Notifications",
                    "Tags");
    private static final Set<String> TAG_FIELDS = Set.of("Key", "Value");
    private static final Set<String> NOTIFICATION_FIELDS = Set.of("TopicName", "EventConfigs");
    private static final Set<String> EVENT_CONFIG_FIELDS = Set.of("EventName", "EventVars");
    private static final Set<String> EVENT_VAR_FIELDS = Set.of("Name", "Value");

    /**
     * The name of a job sent without one. Tencent's JobName is optional; the store and every view
     * show a job's name, so an unnamed job shows the empty name rather than none.
     */
    static final String UNNAMED = "";

    static final int MAX_PRIORITY = 100;
    static final List<String> CVM_FAILED_STATES = List.of("FAILED", "RUNNABLE");

    private final ValidationLimits limits;
    private final JsonFields json;
    private final Scope scope = Scope.root("Job");

    /** Usable task names and their positions; null when Tasks itself was refused. */
    private Map<String, Integer> names;

    /** Names already refused for their characters or length. */
    private final Set<String> refusedNames = new HashSet<>();

    JobReader(ValidationLimits limits, JsonFields json) {
        this.limits = limits;
        this.json = json;
    }

    JobSpec read(JsonNode job) {
        json.refuseUnknown(job, scope, JOB_FIELDS);
        String jobName = jobName(job);
        String description = description(job);
        Long priority =
                json.bounded(
                        job,
                        scope,
                        "Priority",
                        new Range(
                                0,
                                MAX_PRIORITY,
                                Codes.INVALID,
                                "must be in the range 0-" + MAX_PRIORITY + ", got %d"));
        List<TaskSpec> tasks = tasks(job);
        List<Dependence> dependences = dependences(job);
        DependOn dependOn =
                json.enumValue(job, scope, "TaskExecutionDependOn", DependOn.class, false);
        String ifCvmFailed =
                json.oneOf(job, scope, "StateIfCreateCvmFailed", CVM_FAILED_STATES, false);
        notifications(job);
        List<Tag> tags = tags(job);
        return new JobSpec(
                jobName == null ? UNNAMED : jobName,
                description,
                priority == null ? 0 : priority.intValue(),
                tasks,
                dependences,
                dependOn == null ? DependOn.PRE_TASK_SUCCEED : dependOn,
                ifCvmFailed == null ? "FAILED" : ifCvmFailed,
                tags);
    }

    private String jobName(JsonNode job) {
        String name = json.text(job, scope, "JobName", false);
        if (name == null) {
            return null;
        }
        String problem = NameRules.characterProblem(name);
        if (problem != null) {
            json.invalid(scope, "JobName", problem);
            return null;
        }
        problem = NameRules.lengthProblem(name, limits.maxJobNameLength());
        if (problem != null) {
            json.violations().add(Codes.JOB_NAME_TOO_LONG, "Job.JobName " + problem, "Job.JobName");
            return null;
        }
        return name;
    }

    private String description(JsonNode job) {
        String text = json.text(job, scope, "JobDescription", false);
        String problem =
                text == null
                        ? null
                        : NameRules.lengthProblem(text, limits.maxJobDescriptionLength());
        if (problem != null) {
            json.violations()
                    .add(
                            Codes.JOB_DESCRIPTION_TOO_LONG,
                            "Job.JobDescription " + problem,
                            "Job.JobDescription");
        }
        return text;
    }

    private List<TaskSpec> tasks(JsonNode job) {
        JsonNode array = json.array(job, scope, "Tasks", true);
        List<TaskSpec> tasks = new ArrayList<>();
        if (array == null) {
            return tasks;
        }
        if (array.isEmpty()) {
            json.invalid(scope, "Tasks", "must not be empty, a job needs at least one task");
            return tasks;
        }
        if (array.size() > limits.maxTasks()) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            "Job.Tasks has "
                                    + array.size()
                                    + " tasks, over the limit of "
                                    + limits.maxTasks()
                                    + " tasks per job",
                            "Job.Tasks");
            return tasks;
        }
        names = new HashMap<>();
        TaskReader reader = new TaskReader(limits, json);
        long instances = 0;
        for (int i = 0; i < array.size(); i++) {
            TaskSpec task = task(reader, array.get(i), scope.element("Tasks", i), i);
            if (task != null) {
                tasks.add(task);
                instances += task.taskInstanceNum();
            }
        }
        refuseTooManyInstances(instances);
        return tasks;
    }

    private TaskSpec task(TaskReader reader, JsonNode node, Scope at, int index) {
        JsonNode task = json.elementObject(node, at);
        if (task == null) {
            return null;
        }
        String name = reader.name(task, at);
        JsonNode raw = JsonFields.get(task, "TaskName");
        String label = raw != null && raw.isTextual() ? Text.quote(raw.textValue()) : "#" + index;
        if (name == null && raw != null && raw.isTextual()) {
            refusedNames.add(raw.textValue());
        }
        if (name != null) {
            Integer earlier = names.putIfAbsent(name, names.size());
            if (earlier != null) {
                duplicated(name, at);
            }
        }
        return reader.read(task, at.forTask(label), name);
    }

    private void duplicated(String name, Scope at) {
        json.violations()
                .add(
                        Codes.TASK_NAME,
                        at.at("TaskName")
                                + ": the task name "
                                + Text.quote(name)
                                + " is duplicated, task names must be unique in a job",
                        at.at("TaskName"));
    }

    private void refuseTooManyInstances(long instances) {
        if (instances > limits.maxInstancesPerJob()) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            "Job.Tasks ask for "
                                    + instances
                                    + " instances in all, over the limit of "
                                    + limits.maxInstancesPerJob()
                                    + " instances per job",
                            "Job.Tasks");
        }
    }

    private List<Dependence> dependences(JsonNode job) {
        JsonNode array = json.array(job, scope, "Dependences", false);
        if (array == null) {
            return List.of();
        }
        if (array.size() > limits.maxDependences()) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            "Job.Dependences has "
                                    + array.size()
                                    + " edges, over the limit of "
                                    + limits.maxDependences()
                                    + " dependences per job",
                            "Job.Dependences");
            return List.of();
        }
        return new DependenceReader(json, scope).read(array, names, refusedNames);
    }

    /** Checked for shape and unknown fields only: Drover sends no notifications yet. */
    private void notifications(JsonNode job) {
        JsonNode array = json.array(job, scope, "Notifications", false);
        for (int i = 0; array != null && i < array.size(); i++) {
            Scope at = scope.element("Notifications", i);
            JsonNode notification = json.elementObject(array.get(i), at, NOTIFICATION_FIELDS);
            if (notification == null) {
                continue;
            }
            json.text(notification, at, "TopicName", false);
            JsonNode configs = json.array(notification, at, "EventConfigs", false);
            for (int j = 0; configs != null && j < configs.size(); j++) {
                Scope config = at.element("EventConfigs", j);
                JsonNode event = json.elementObject(configs.get(j), config, EVENT_CONFIG_FIELDS);
                if (event == null) {
                    continue;
                }
                json.text(event, config, "EventName", false);
                JsonNode vars = json.array(event, config, "EventVars", false);
                for (int k = 0; vars != null && k < vars.size(); k++) {
                    json.elementObject(
                            vars.get(k), config.element("EventVars", k), EVENT_VAR_FIELDS);
                }
            }
        }
    }

    private List<Tag> tags(JsonNode job) {
        JsonNode array = json.array(job, scope, "Tags", false);
        List<Tag> tags = new ArrayList<>();
        if (array == null) {
            return tags;
        }
        if (array.size() > limits.maxTags()) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            "Job.Tags has "
                                    + array.size()
                                    + " tags, over the limit of "
                                    + limits.maxTags()
                                    + " tags per job",
                            "Job.Tags");
            return tags;
        }
        for (int i = 0; i < array.size(); i++) {
            Scope at = scope.element("Tags", i);
            JsonNode tag = json.elementObject(array.get(i), at, TAG_FIELDS);
            if (tag != null) {
                String key = json.text(tag, at, "Key", true);
                String value = json.text(tag, at, "Value", false);
                tagLength(at, "Key", key, MAX_TAG_KEY);
                tagLength(at, "Value", value, MAX_TAG_VALUE);
                tags.add(new Tag(key, value));
            }
        }
        return tags;
    }

    /**
     * Tencent's limits on a tag. Tags travel in every part of JobAccepted, so an unbounded tag
     * would make every part too large for one Kafka record.
     */
    private void tagLength(Scope at, String field, String text, int max) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            json.violations()
                    .add(
                            Codes.LIMIT,
                            at.at(field) + " is longer than the limit of " + max + " characters",
                            at.at(field));
        }
    }
}
