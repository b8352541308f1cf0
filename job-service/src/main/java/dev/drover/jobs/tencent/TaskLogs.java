package dev.drover.jobs.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.event.LogStream;
import dev.drover.jobs.logs.ArchivedLogs;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.query.JobQueries;
import dev.drover.jobs.query.TaskQueries;
import dev.drover.jobs.validation.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * DescribeTaskLogs: per instance, the last {@code drover.tencent-api.log-cap-bytes} bytes of the
 * latest archived stdout and stderr, base64, found by the same {@link ArchivedLogs} the REST log
 * endpoint reads. A stream not archived yet is null, as Tencent leaves a log it cannot fetch; one
 * that wrote nothing is the empty string.
 */
@ApplicationScoped
class TaskLogs {

    /** Instances per call: Tencent publishes no numbers; ours are small since logs are inlined. */
    static final int DEFAULT_LIMIT = 10;

    static final int MAX_LIMIT = 100;

    private final TaskQueries tasks;
    private final JobQueries jobs;
    private final ArchivedLogs archive;
    private final TencentApiConfig config;

    TaskLogs(TaskQueries tasks, JobQueries jobs, ArchivedLogs archive, TencentApiConfig config) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.archive = archive;
        this.config = config;
    }

    ObjectNode describe(Params params) {
        String jobId = params.string("JobId");
        String taskName = params.string("TaskName");
        List<Integer> wanted = params.indexes("TaskInstanceIndexes");
        PageRequest paging = params.page(DEFAULT_LIMIT, MAX_LIMIT);
        long instanceNum =
                tasks.describe(jobId, taskName, new PageRequest(0, 0), null).totalCount();
        List<Integer> selected =
                wanted.isEmpty() ? range(instanceNum) : checked(wanted, instanceNum);
        JsonNode redirect = redirectInfo(jobId, taskName);
        ObjectNode out = Renderings.object();
        out.put("TotalCount", selected.size());
        ArrayNode set = out.putArray("TaskInstanceLogSet");
        int end = (int) Math.min(selected.size(), (long) paging.offset() + paging.limit());
        for (int i = paging.offset(); i < end; i++) {
            set.add(instance(jobId, taskName, selected.get(i), redirect));
        }
        return out;
    }

    private ObjectNode instance(String jobId, String taskName, int index, JsonNode redirect) {
        ObjectNode out = Renderings.object();
        out.put("TaskInstanceIndex", index);
        out.put("StdoutLog", tail(jobId, taskName, index, LogStream.STDOUT));
        out.put("StderrLog", tail(jobId, taskName, index, LogStream.STDERR));
        RedirectNames names = new RedirectNames(jobId, taskName, index);
        out.put("StdoutRedirectPath", text(redirect, "StdoutRedirectPath"));
        out.put("StderrRedirectPath", text(redirect, "StderrRedirectPath"));
        out.put(
                "StdoutRedirectFileName",
                names.resolve(text(redirect, "StdoutRedirectFileName"), "stdout"));
        out.put(
                "StderrRedirectFileName",
                names.resolve(text(redirect, "StderrRedirectFileName"), "stderr"));
        return out;
    }

    /** The last bytes of the latest archived attempt's stream, base64; null if none is archived. */
    private String tail(String jobId, String taskName, int index, LogStream stream) {
        Path file;
        try {
            Optional<Path> archived = archive.locate(jobId, taskName, index, stream, 0);
            if (archived.isEmpty()) {
                return "";
            }
            file = archived.get();
        } catch (ApiProblem e) {
            if (Codes.LOGS_NOT_FOUND.equals(e.code())) {
                return null;
            }
            throw e;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, config.logCapBytes());
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new ApiProblem(
                    404,
                    Codes.LOGS_NOT_FOUND,
                    "the archived " + stream.label() + " of instance " + index + " is unreadable",
                    List.of("TaskInstanceIndexes"));
        }
    }

    private static List<Integer> range(long instanceNum) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < instanceNum; i++) {
            all.add(i);
        }
        return all;
    }

    private static List<Integer> checked(List<Integer> wanted, long instanceNum) {
        for (int index : wanted) {
            if (index >= instanceNum) {
                throw new TencentError(
                        Codes.INSTANCE_NOT_FOUND,
                        "the task has " + instanceNum + " instances; there is no index " + index);
            }
        }
        return wanted.stream().distinct().sorted().toList();
    }

    private JsonNode redirectInfo(String jobId, String taskName) {
        for (JsonNode task : jobs.submitted(jobId).path("Job").path("Tasks")) {
            if (taskName.equals(task.path("TaskName").asText())) {
                return task.path("RedirectInfo");
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
