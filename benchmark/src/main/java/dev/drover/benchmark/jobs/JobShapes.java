package dev.drover.benchmark.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The SubmitJob documents the scenarios run: chains, fan-outs and wide DAGs of trivial tasks. */
public final class JobShapes {

    /** A command that does nothing, so every figure is Drover's own overhead. */
    public static final String TRIVIAL = "true";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobShapes() {}

    /** Tasks {@code C000000 -> C000001 -> ...}, one instance each. */
    public static ObjectNode chain(String name, int tasks) {
        return chain(name, tasks, false);
    }

    /**
     * A chain whose tasks hold only TaskName and Application (everything else defaulted), so that
     * 100,000 tasks stay below the API's 16 MiB request limit; for the dry run.
     */
    public static ObjectNode leanChain(String name, int tasks) {
        return chain(name, tasks, true);
    }

    private static ObjectNode chain(String name, int tasks, boolean lean) {
        Builder job = new Builder(name).lean(lean);
        for (int i = 0; i < tasks; i++) {
            job.task(chainTask(i), TRIVIAL, 1);
            if (i > 0) {
                job.edge(chainTask(i - 1), chainTask(i));
            }
        }
        return job.document();
    }

    /** The name of the i-th task of a {@link #chain}. */
    public static String chainTask(int i) {
        return "C%06d".formatted(i);
    }

    /** Task {@code F} with {@code instances} instances, then the join {@code J}. */
    public static ObjectNode fanOut(String name, int instances) {
        return new Builder(name)
                .task("F", TRIVIAL, instances)
                .task("J", TRIVIAL, 1)
                .edge("F", "J")
                .document();
    }

    /** Root {@code R}, {@code width} one-instance tasks, then the join {@code J} (C23a shape). */
    public static ObjectNode wide(String name, int width, String rootCommand) {
        Builder job = new Builder(name).task("R", rootCommand, 1);
        for (int i = 0; i < width; i++) {
            job.task(wideTask(i), TRIVIAL, 1).edge("R", wideTask(i));
        }
        job.task("J", TRIVIAL, 1);
        for (int i = 0; i < width; i++) {
            job.edge(wideTask(i), "J");
        }
        return job.document();
    }

    /** The name of the i-th middle task of a {@link #wide} job. */
    public static String wideTask(int i) {
        return "T%06d".formatted(i);
    }

    /** Serialises a document once, so that a timed request measures the server only. */
    public static byte[] bytes(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a job document", e);
        }
    }

    private static final class Builder {
        private final ObjectNode document = JSON.createObjectNode();
        private final ArrayNode tasks;
        private final ArrayNode dependences;
        private boolean lean;

        Builder(String name) {
            ObjectNode job = document.putObject("Job");
            job.put("JobName", name);
            job.put("Priority", 1);
            tasks = job.putArray("Tasks");
            dependences = job.putArray("Dependences");
        }

        Builder lean(boolean value) {
            lean = value;
            return this;
        }

        Builder task(String name, String command, int instances) {
            ObjectNode task = tasks.addObject();
            task.put("TaskName", name);
            if (!lean) {
                task.put("TaskInstanceNum", instances);
                task.put("MaxRetryCount", 0);
                task.put("Timeout", 3600);
            }
            ObjectNode app = task.putObject("Application");
            app.put("DeliveryForm", "LOCAL");
            app.put("Command", command);
            return this;
        }

        Builder edge(String from, String to) {
            ObjectNode edge = dependences.addObject();
            edge.put("StartTask", from);
            edge.put("EndTask", to);
            return this;
        }

        ObjectNode document() {
            return document;
        }
    }
}
