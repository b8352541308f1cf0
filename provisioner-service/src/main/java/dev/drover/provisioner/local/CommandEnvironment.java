package dev.drover.provisioner.local;

import dev.drover.contract.spec.EnvVar;
import dev.drover.provisioner.attempt.Attempt;
import java.util.List;
import java.util.Map;

/**
 * The exact environment of a command: PATH, HOME and LANG inherited from this service (when set),
 * then the task's EnvVars as given, then the four BATCH_ variables, which nothing may override.
 * Nothing else leaks from the service's own environment.
 */
final class CommandEnvironment {

    /** Variables a command inherits from the provisioner's own environment. */
    static final List<String> INHERITED = List.of("PATH", "HOME", "LANG");

    private CommandEnvironment() {}

    static void fill(Map<String, String> env, Attempt attempt) {
        Map<String, String> own = System.getenv();
        env.clear();
        for (String name : INHERITED) {
            String value = own.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        if (!own.containsKey("PATH")) {
            env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        }
        List<EnvVar> vars = attempt.task().envVars();
        if (vars != null) {
            for (EnvVar var : vars) {
                env.put(var.name(), var.value() == null ? "" : var.value());
            }
        }
        env.put("BATCH_JOB_ID", attempt.id().jobId());
        env.put("BATCH_TASK_NAME", attempt.id().taskName());
        env.put("BATCH_TASK_INSTANCE_NUM", Integer.toString(attempt.task().taskInstanceNum()));
        env.put("BATCH_TASK_INSTANCE_INDEX", Integer.toString(attempt.id().index()));
    }
}
