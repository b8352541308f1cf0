package dev.drover.jobs.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads job fixtures from the test classpath and builds generated job bodies. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    static JsonNode read(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the .json files in a fixture folder. */
    static List<String> jsonFiles(String folder) {
        try (Stream<Path> files =
                Files.list(Path.of(Fixtures.class.getClassLoader().getResource(folder).toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A task as the C23 generator writes it. */
    static ObjectNode task(String name, int instances) {
        ObjectNode task = MAPPER.createObjectNode();
        task.put("TaskName", name);
        task.put("TaskInstanceNum", instances);
        ObjectNode app = task.putObject("Application");
        app.put("DeliveryForm", "LOCAL");
        app.put("Command", "true");
        ObjectNode redirect = task.putObject("RedirectInfo");
        redirect.put("StdoutRedirectPath", "cos://test-bucket/c23/");
        redirect.put("StderrRedirectPath", "cos://test-bucket/c23/");
        task.put("MaxRetryCount", 0);
        task.put("Timeout", 600);
        return task;
    }

    /** A body with the given tasks (one instance each) and no dependences yet. */
    static ObjectNode job(String jobName, List<String> taskNames) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode job = body.putObject("Job");
        job.put("JobName", jobName);
        job.put("Priority", 1);
        ArrayNode tasks = job.putArray("Tasks");
        taskNames.forEach(name -> tasks.add(task(name, 1)));
        job.putArray("Dependences");
        return body;
    }

    static void edge(ObjectNode body, String start, String end) {
        ObjectNode edge = ((ArrayNode) body.path("Job").path("Dependences")).addObject();
        edge.put("StartTask", start);
        edge.put("EndTask", end);
    }

    /** A chain {@code prefix0 -> prefix1 -> ...} of n tasks, closed into a cycle if asked. */
    static ObjectNode chain(String jobName, int n, String format, boolean closeCycle) {
        List<String> names =
                java.util.stream.IntStream.range(0, n)
                        .mapToObj(i -> String.format(format, i))
                        .toList();
        ObjectNode body = job(jobName, names);
        for (int i = 0; i + 1 < n; i++) {
            edge(body, names.get(i), names.get(i + 1));
        }
        if (closeCycle) {
            edge(body, names.get(n - 1), names.get(0));
        }
        return body;
    }
}
