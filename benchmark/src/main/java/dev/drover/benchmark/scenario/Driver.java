package dev.drover.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.benchmark.events.EventRecorder;
import dev.drover.benchmark.events.JobTimeline;
import dev.drover.benchmark.jobs.JobShapes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every scenario does against the stack: timed submissions, waiting for a job's end as the
 * scheduler announces it on Kafka, and a check that the API agrees.
 */
public final class Driver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final EventRecorder recorder;
    private final Duration jobTimeout;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<JobOutcome> outcomes = new ArrayList<>();

    /** A driver of the API at {@code api} whose jobs may each take up to {@code jobTimeout}. */
    public Driver(String api, EventRecorder recorder, Duration jobTimeout) {
        this.api = api;
        this.recorder = recorder;
        this.jobTimeout = jobTimeout;
    }

    /** One HTTP exchange and how long it took, from sending the first byte to the last one read. */
    public record Timed(int status, JsonNode body, double millis) {}

    /** The final state of every job the benchmark ran, in order. */
    public List<JobOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Posts an already serialised body and times the exchange. */
    public Timed post(String path, byte[] body) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(api + path))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        long started = System.nanoTime();
        HttpResponse<String> response = send(request);
        double millis = (System.nanoTime() - started) / 1e6;
        return new Timed(response.statusCode(), parse(response.body()), millis);
    }

    /** Submits a job and returns its id and the POST's latency; throws unless it is accepted. */
    public Timed submit(ObjectNode document) {
        Timed answer = post("/v1/jobs", JobShapes.bytes(document));
        if (answer.status() / 100 != 2 || answer.body().path("JobId").asText().isEmpty()) {
            throw new BenchmarkFailure(
                    "submission refused with " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /**
     * Waits until the job ended and each of its {@code instances} reported its exit; throws a
     * {@link BenchmarkFailure} unless it SUCCEEDed, both on Kafka and in the API.
     */
    public JobTimeline awaitSucceeded(String scenario, String jobId, int instances) {
        JobTimeline timeline = recorder.job(jobId);
        String state = awaitEnd(timeline, jobId, instances);
        String apiState = awaitApiState(jobId, state);
        outcomes.add(new JobOutcome(scenario, jobId, state, timeline.reason(), apiState));
        if (!"SUCCEED".equals(state) || !"SUCCEED".equals(apiState)) {
            throw new BenchmarkFailure(
                    scenario
                            + " job "
                            + jobId
                            + " ended "
                            + state
                            + " (API: "
                            + apiState
                            + ")"
                            + " reason: "
                            + timeline.reason());
        }
        return timeline;
    }

    /** Asks the job to stop and waits until it has, whatever its final state. */
    public String terminate(String scenario, String jobId) {
        Timed answer = post("/v1/jobs/" + jobId + "/terminate", new byte[0]);
        if (answer.status() / 100 != 2) {
            throw new BenchmarkFailure("terminate of " + jobId + " answered " + answer.status());
        }
        String state = awaitEnd(recorder.job(jobId), jobId, 0);
        outcomes.add(new JobOutcome(scenario, jobId, state, recorder.job(jobId).reason(), null));
        recorder.forget(jobId);
        return state;
    }

    /** Drops what was recorded of a finished job. */
    public void forget(String jobId) {
        recorder.forget(jobId);
    }

    private String awaitEnd(JobTimeline timeline, String jobId, int instances) {
        try {
            String state = timeline.await(instances, jobTimeout);
            if (state == null) {
                throw new BenchmarkFailure(
                        "job " + jobId + " did not end within " + jobTimeout.toSeconds() + " s");
            }
            return state;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while waiting for " + jobId);
        }
    }

    /** The read model follows the scheduler's events a moment later; give it a minute. */
    private String awaitApiState(String jobId, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(api + "/v1/jobs?jobId=" + jobId))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build();
            JsonNode jobs = parse(send(request).body()).path("JobSet");
            state = jobs.path(0).path("JobState").asText(null);
            if (expected.equals(state)) {
                return state;
            }
            pause();
        }
        return state;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchmarkFailure("request to " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted during " + request.uri());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsed", body);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted");
        }
    }
}
