package dev.drover.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
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

    /** The length in UTF-8 bytes of {@link #encode}'s result, without building the string. */
    public static long encodedLength(Object value) {
        ByteCounter counter = new ByteCounter();
        try {
            MAPPER.writeValue(counter, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
        return counter.count;
    }

    /** Writes {@link #encode}'s result as UTF-8 to {@code out}, which stays open. */
    public static void encodeTo(OutputStream out, Object value) throws IOException {
        MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
    }

    private static final class ByteCounter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
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
