package dev.drover.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The job-service's REST API, as the CLI uses it. Answers are read as trees, tolerantly. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String whenDown;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** A client of the API at {@code base}, e.g. http://127.0.0.1:8080. */
    public ApiClient(String base) {
        this(base, "start it with ./drover up");
    }

    /** A client of the API at {@code base}; {@code whenDown} says what to do if none answers. */
    public ApiClient(String base, String whenDown) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.whenDown = whenDown;
    }

    /** The API's base URL. */
    public String base() {
        return base;
    }

    /** Submits a SubmitJob document; returns the new JobId. */
    public String submit(JsonNode document) {
        JsonNode answer = send(post("/v1/jobs", document));
        return answer.path("JobId").asText();
    }

    /** Validates a SubmitJob document without creating anything; returns the answer. */
    public JsonNode validate(JsonNode document) {
        return send(post("/v1/jobs:validate", document));
    }

    /** One job: state, tasks, metrics. */
    public JsonNode job(String jobId) {
        return send(get("/v1/jobs/" + segment(jobId), Map.of()));
    }

    /** One task's instances. */
    public JsonNode task(String jobId, String task, int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Offset", String.valueOf(offset));
        query.put("Limit", String.valueOf(limit));
        return send(get("/v1/jobs/" + segment(jobId) + "/tasks/" + segment(task), query));
    }

    /** Jobs, newest first as the API orders them. */
    public JsonNode jobs(String state, int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        if (state != null) {
            query.put("state", state);
        }
        query.put("Offset", String.valueOf(offset));
        query.put("Limit", String.valueOf(limit));
        return send(get("/v1/jobs", query));
    }

    /** Asks the job to stop (asynchronous). */
    public JsonNode terminate(String jobId) {
        return send(post("/v1/jobs/" + segment(jobId) + "/terminate", null));
    }

    /** Re-runs a FAILED job's failed instances. */
    public JsonNode retry(String jobId) {
        return send(post("/v1/jobs/" + segment(jobId) + "/retry", null));
    }

    /** The archived bytes of one instance's stream, as a stream; the caller closes it. */
    public InputStream logs(String jobId, String task, int index, String stream, Integer attempt) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("stream", stream);
        if (attempt != null) {
            query.put("attempt", String.valueOf(attempt));
        }
        String path =
                "/v1/jobs/" + segment(jobId) + "/tasks/" + segment(task) + "/instances/" + index;
        HttpResponse<InputStream> response =
                exchange(get(path + "/logs", query), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        try (InputStream body = response.body()) {
            String raw = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            throw ApiProblem.from(response.statusCode(), parse(raw), raw);
        } catch (IOException e) {
            throw ApiProblem.from(response.statusCode(), null, e.getMessage());
        }
    }

    private HttpRequest post(String path, JsonNode body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher =
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(publisher)
                .build();
    }

    private HttpRequest get(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(base + path + q))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw ApiProblem.from(response.statusCode(), body, response.body());
        }
        return body == null ? JSON.createObjectNode() : body;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NotRunning(base, whenDown);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new NotRunning(base, whenDown);
            }
            throw new IllegalStateException("request to " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
