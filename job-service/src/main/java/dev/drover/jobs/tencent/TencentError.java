package dev.drover.jobs.tencent;

/**
 * A refusal rendered as Tencent's error envelope: {@code {"Response":{"Error":{"Code",
 * "Message"},"RequestId"}}}. Stackless: it is an answer, not a bug.
 */
public final class TencentError extends RuntimeException {

    private final String code;

    public TencentError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
