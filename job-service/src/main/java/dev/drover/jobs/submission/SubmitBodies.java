package dev.drover.jobs.submission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

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
        if (length > config.maxRequestBytes()) {
            throw ApiProblem.badRequest(
                    Codes.LIMIT_EXCEEDED,
                    "the request body is "
                            + length
                            + " bytes; the limit is "
                            + config.maxRequestBytes()
                            + " bytes (drover.jobs.max-request-bytes)",
                    "body");
        }
    }
}
