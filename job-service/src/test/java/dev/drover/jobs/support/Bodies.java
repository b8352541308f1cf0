package dev.drover.jobs.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SubmitJob bodies for tests: fixtures from src/test/resources/jobs and generated ones. */
public final class Bodies {

    private Bodies() {}

    /** A fixture file's text, e.g. {@code valid/c05-base.json}. */
    public static String fixture(String name) {
        try (InputStream in = Bodies.class.getResourceAsStream("/jobs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One task running {@code true}, as the cases write it. */
    public static ObjectNode task(String name, int instances) {
        ObjectNode task = EventCodec.mapper().createObjectNode();
        task.put("TaskName", name);
        task.put("TaskInstanceNum", instances);
        task.putObject("Application").put("DeliveryForm", "LOCAL").put("Command", "true");
        task.putObject("RedirectInfo")
                .put("StdoutRedirectPath", "cos://test-bucket/tests/")
                .put("StderrRedirectPath", "cos://test-bucket/tests/");
        task.put("MaxRetryCount", 0);
        task.put("Timeout", 600);
        return task;
    }

    /** A job of one task {@code T} with {@code instances} instances. */
    public static ObjectNode singleTask(String jobName, int instances) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        ObjectNode job = body.putObject("Job");
        job.put("JobName", jobName);
        job.put("Priority", 1);
        job.putArray("Tasks").add(task("T", instances));
        return body;
    }

    /** R -> T00000..T(n-1) -> J, as C23 (a) builds it. */
    public static ObjectNode fan(String jobName, int width) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        ObjectNode job = body.putObject("Job");
        job.put("JobName", jobName);
        job.put("Priority", 1);
        ArrayNode tasks = job.putArray("Tasks");
        ArrayNode edges = job.putArray("Dependences");
        tasks.add(task("R", 1));
        for (int i = 0; i < width; i++) {
            String name = String.format("T%05d", i);
            tasks.add(task(name, 1));
            edges.addObject().put("StartTask", "R").put("EndTask", name);
        }
        tasks.add(task("J", 1));
        for (int i = 0; i < width; i++) {
            edges.addObject().put("StartTask", String.format("T%05d", i)).put("EndTask", "J");
        }
        return body;
    }
}
