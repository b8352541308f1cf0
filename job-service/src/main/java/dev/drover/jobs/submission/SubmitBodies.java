package dev.drover.jobs.submission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns a raw SubmitJob body into a JSON tree for the validator, refusing what is too large or not
 * JSON with a precise 400 (never a 5xx). Duplicate keys are refused: which of two TaskNames would
 * win is not something a user should have to guess.
 */
@ApplicationScoped
public class SubmitBodies {

    private static final ObjectMapper READER =
            JsonMapper.builder()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private final SubmissionConfig config;

    public SubmitBodies(SubmissionConfig config) {
        this.config = config;
    }

    /** Parses {@code body}; throws {@link ApiProblem} when it is too large, empty or not JSON. */
    public JsonNode parse(byte[] body) {
        checkSize(body == null ? 0 : body.length);
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest(
                    Codes.INVALID_PARAMETER,
                    "the request body is empty; send a SubmitJob document",
                    "body");
        }
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(
                    Codes.INVALID_PARAMETER,
                    "the request body is not valid JSON: " + e.getOriginalMessage(),
                    "body");
        } catch (IOException e) {
            throw ApiProblem.badRequest(
                    Codes.INVALID_PARAMETER, "the request body could not be read", "body");
        }
    }

    /** Refuses a body of {@code length} bytes when it is over the configured limit. */
    public void checkSize(long length) {
        Optional<String> oversize = oversize(length);
        if (oversize.isPresent()) {
            throw ApiProblem.badRequest(Codes.LIMIT_EXCEEDED, oversize.get(), "body");
        }
    }

    /**
     * Why a body of {@code length} bytes is refused ({@link Codes#LIMIT_EXCEEDED}), stating the
     * limit; empty when it is within it. The routes that refuse by the declared length before
     * reading the body answer the same sentence.
     */
    public Optional<String> oversize(long length) {
        if (length <= config.maxRequestBytes()) {
            return Optional.empty();
        }
        return Optional.of(
                "the request body is "
                        + length
                        + " bytes; the limit is "
                        + config.maxRequestBytes()
                        + " bytes (drover.jobs.max-request-bytes)");
    }

    /** The request's Content-Length, or -1 when it declares none or no number. */
    public static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
