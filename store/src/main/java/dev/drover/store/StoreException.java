package dev.drover.store;

import java.io.IOException;

/**
 * A store operation that failed, with the store's own error code (for COS the service's code such
 * as {@code AccessDenied} or {@code NoSuchBucket}, else a Drover code such as {@code InvalidPath})
 * and whether trying again later may succeed (throttling, 5xx, network), so callers can choose
 * between a retry and failing with the code as the reason. Messages never carry credentials.
 */
public class StoreException extends IOException {

    private final String code;
    private final boolean retryable;

    public StoreException(String code, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    /** The error code, never null. */
    public String code() {
        return code;
    }

    /** Whether the same call may succeed if tried again later. */
    public boolean isRetryable() {
        return retryable;
    }
}
