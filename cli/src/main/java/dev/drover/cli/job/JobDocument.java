package dev.drover.cli.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A job file as the user wrote it: a SubmitJob body ({@code Placement}, {@code Job}, {@code
 * ClientToken}), or just the {@code Job} object, which is wrapped.
 */
public final class JobDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobDocument() {}

    /** Reads and parses {@code file}; the exception says where the JSON goes wrong. */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadJobFile(file + ": no such file");
        } catch (IOException e) {
            throw new BadJobFile(file + ": cannot read it: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses {@code text}, read from {@code source} (a name for messages). */
    public static JsonNode parse(String source, String text) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadJobFile(
                    source + " is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new BadJobFile(source + " must hold a JSON object (a SubmitJob body or a Job)");
        }
        if (!tree.has("Job") && tree.has("Tasks")) {
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.set("Job", tree);
            return wrapped;
        }
        return tree;
    }

    /** The file is missing, unreadable or not valid JSON. */
    public static final class BadJobFile extends RuntimeException {
        public BadJobFile(String message) {
            super(message);
        }
    }
}
