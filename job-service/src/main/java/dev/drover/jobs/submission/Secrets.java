package dev.drover.jobs.submission;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.util.Set;

/**
 * Masks secrets in a stored copy of a job document: Authentications' SecretKey, Docker's Password
 * and every password inside a ComputeEnv's LoginSettings. The store never holds them in clear; only
 * the JobAccepted and TaskReady events carry them, to the services that need them.
 *
 * <p>It masks while the document is written, so a 10,000-task job is serialised once rather than
 * built as a tree, walked and serialised again. Every secret is a string in the job model.
 */
final class Secrets extends JsonGeneratorDelegate {

    static final String MASK = "******";

    private static final Set<String> SECRET_FIELDS = Set.of("SecretKey", "Password");

    private boolean secretValueNext;

    private Secrets(JsonGenerator target) {
        super(target, false);
    }

    /** A generator writing to {@code target} with every secret string replaced by the mask. */
    static JsonGenerator masking(JsonGenerator target) {
        return new Secrets(target);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        secretValueNext = SECRET_FIELDS.contains(name);
        super.writeFieldName(name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        secretValueNext = SECRET_FIELDS.contains(name.getValue());
        super.writeFieldName(name);
    }

    @Override
    public void writeString(String text) throws IOException {
        super.writeString(secret() ? MASK : text);
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        if (secret()) {
            super.writeString(MASK);
        } else {
            super.writeString(text, offset, len);
        }
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        if (secret()) {
            super.writeString(MASK);
        } else {
            super.writeString(text);
        }
    }

    private boolean secret() {
        boolean secret = secretValueNext;
        secretValueNext = false;
        return secret;
    }
}
