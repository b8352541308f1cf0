package dev.drover.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * JSON on the wire for every event. Tolerant on read: unknown fields are ignored and an unknown
 * event type decodes to {@code null}, so an older consumer skips what a newer producer added
 * instead of getting stuck on a poison record.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .build();

    private EventCodec() {}

    /** The mapper, for code that needs to read or write the contract's types in other shapes. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes one record value; returns {@code null} for an event type this version does not know.
     * Malformed JSON throws, so the caller can log and skip the record.
     */
    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot decode " + type.getSimpleName(), e);
        }
    }
}
