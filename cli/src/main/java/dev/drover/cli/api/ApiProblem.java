package dev.drover.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The API refused a request: an {@code application/problem+json} answer (or any other non-2xx
 * answer, summarised as well as its body allows).
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final List<String> fields;

    ApiProblem(int status, String code, String detail, List<String> fields) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.fields = List.copyOf(fields);
    }

    /** Reads a problem body; tolerant of missing members and of bodies that are not JSON. */
    static ApiProblem from(int status, JsonNode body, String raw) {
        if (body == null || !body.isObject()) {
            String text = raw == null || raw.isBlank() ? "(no body)" : raw.strip();
            return new ApiProblem(status, "HTTP " + status, text, List.of());
        }
        String code = text(body, "code", text(body, "Code", text(body, "title", "HTTP " + status)));
        String detail = text(body, "detail", text(body, "Message", text(body, "title", "")));
        List<String> fields = new ArrayList<>();
        JsonNode list = body.has("fields") ? body.get("fields") : body.path("Fields");
        for (JsonNode field : list) {
            fields.add(field.isTextual() ? field.asText() : field.toString());
        }
        return new ApiProblem(status, code, detail, fields);
    }

    private static String text(JsonNode body, String name, String fallback) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Drover's (Tencent's) error code, e.g. InvalidParameterValue.DependenceUnfeasible. */
    public String code() {
        return code;
    }

    /** What is wrong, naming the field and task. */
    public String detail() {
        return detail;
    }

    /** Paths of the offending fields. */
    public List<String> fields() {
        return fields;
    }

    /** The problem as the CLI prints it. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("the API refused the request (HTTP ").append(status).append("): ").append(code);
        if (!detail.isEmpty()) {
            s.append("\n  ").append(detail);
        }
        if (!fields.isEmpty()) {
            s.append("\n  fields: ").append(String.join(", ", fields));
        }
        return s.toString();
    }
}
